import { getTrack } from '@/lib/base44';
import { route } from '@/lib/api/route';
import { idParamsSchema } from '@/lib/api/params';

// GET /api/tracks/:id - one track
export const GET = route({ params: idParamsSchema }, async ({ auth, params, req }) =>
  getTrack(auth.base44Token, params.id, { signal: req.signal }),
);
