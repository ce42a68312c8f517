import { getVipOverview } from '@/lib/base44';
import { route } from '@/lib/api/route';

// GET /api/vip - { tracks (approved VIP), unlockedTrackIds (the caller's unlocks), blackDiamonds }
export const GET = route({}, async ({ auth, req }) =>
  getVipOverview(auth.base44Token, auth.userId, { signal: req.signal }),
);
