import { listTracks } from '@/lib/base44';
import { route } from '@/lib/api/route';
import { trackListQuerySchema } from '@/lib/domain/track-query';

// GET /api/tracks - the approved promo pool, paged, filtered and sorted
export const GET = route({ query: trackListQuerySchema }, async ({ auth, query, req }) =>
  listTracks(auth.base44Token, query, { signal: req.signal }),
);
