import { getTrackStats } from '@/lib/base44';
import { idParamsSchema } from '@/lib/api/params';
import { isStaff, route } from '@/lib/api/route';

// GET /api/stats/tracks/:id - one track's plays (from DJ sets), downloads, rating, where and when
// it was played, plays per week. Its producer and admins only (403 for anyone else).
export const GET = route({ params: idParamsSchema }, async ({ auth, params, req }) =>
  getTrackStats(auth.base44Token, { userId: auth.userId, seesEverything: isStaff(auth.role) }, params.id, { signal: req.signal }),
);
