import { resubmitMyTrack } from '@/lib/base44';
import { ApiError } from '@/lib/api/errors';
import { idParamsSchema } from '@/lib/api/params';
import { route } from '@/lib/api/route';
import { canPublishTracks } from '@/lib/domain/capabilities';
import { replaceAudioSchema } from '@/lib/domain/track-metadata';
import { openReceipt } from '@/lib/uploads/receipt';

const EXPIRED = 'This upload is unknown or has expired: upload the file again';

// POST /api/my-tracks/:id/audio - {audio: receipt of POST /api/uploads?kind=audio, durationSeconds?}
// → the track, pending again with its rejection cleared. Only the caller's own pending or rejected
// track: someone else's → 403, an approved one → 409, a receipt not the caller's audio → 400.
export const POST = route({ params: idParamsSchema, body: replaceAudioSchema }, async ({ auth, params, body, req }) => {
  if (!canPublishTracks(auth)) throw new ApiError('forbidden', 'Only producers have tracks of their own');
  const file = await openReceipt(body.audio, auth.userId, 'audio');
  if (!file) throw new ApiError('invalid_input', 'Invalid body', { issues: [{ path: 'audio', message: EXPIRED }] });
  return resubmitMyTrack(auth.base44Token, auth.userId, params.id, { audioUrl: file.fileUrl, durationSeconds: body.durationSeconds ?? null }, { signal: req.signal });
});
