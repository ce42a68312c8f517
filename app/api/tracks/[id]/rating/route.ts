import { getTrackRating, rateTrack } from '@/lib/base44';
import { idParamsSchema } from '@/lib/api/params';
import { route } from '@/lib/api/route';
import { rateTrackSchema } from '@/lib/domain/rating';

// GET /api/tracks/:id/rating - { myRating, averageRating, ratingCount } for the caller
export const GET = route({ params: idParamsSchema }, async ({ auth, params, req }) =>
  getTrackRating(auth.base44Token, auth.userId, params.id, { signal: req.signal }),
);

// PUT /api/tracks/:id/rating - rate 1..5 stars {stars}; again replaces the caller's vote → same shape as GET
// → 403 forbidden: the caller's own track (its producer or a collaborator; the rateTrack function decides)
export const PUT = route({ params: idParamsSchema, body: rateTrackSchema }, async ({ auth, params, body, req }) =>
  rateTrack(auth.base44Token, params.id, body.stars, { signal: req.signal }),
);
