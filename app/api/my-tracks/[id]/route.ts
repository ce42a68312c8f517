import { deleteMyTrack, updateMyTrack } from '@/lib/base44';
import { ApiError } from '@/lib/api/errors';
import { idParamsSchema } from '@/lib/api/params';
import { route } from '@/lib/api/route';
import { canPublishTracks } from '@/lib/domain/capabilities';
import { trackMetadataPatchSchema } from '@/lib/domain/track-metadata';

const NOT_YOURS = 'You can only change your own tracks';

// PATCH /api/my-tracks/:id - edit the metadata of one of the caller's tracks (someone else's → 403)
export const PATCH = route({ params: idParamsSchema, body: trackMetadataPatchSchema }, async ({ auth, params, body, req }) => {
  if (!canPublishTracks(auth)) throw new ApiError('forbidden', NOT_YOURS);
  return updateMyTrack(auth.base44Token, auth.userId, params.id, body, { signal: req.signal });
});

// DELETE /api/my-tracks/:id - delete one of the caller's tracks → 204 (someone else's → 403)
export const DELETE = route({ params: idParamsSchema }, async ({ auth, params, req }) => {
  if (!canPublishTracks(auth)) throw new ApiError('forbidden', NOT_YOURS);
  await deleteMyTrack(auth.base44Token, auth.userId, params.id, { signal: req.signal });
  return new Response(null, { status: 204 });
});
