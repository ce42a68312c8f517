import { getPublicProfile } from '@/lib/base44';
import { idParamsSchema } from '@/lib/api/params';
import { route } from '@/lib/api/route';

// GET /api/users/:id - a member's public profile (no email, no diamonds)
export const GET = route({ params: idParamsSchema }, async ({ auth, params, req }) =>
  getPublicProfile(auth.base44Token, params.id, { signal: req.signal }),
);
