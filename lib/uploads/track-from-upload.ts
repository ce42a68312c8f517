import 'server-only';
import { ApiError } from '@/lib/api/errors';
import type { NewTrack } from '@/lib/base44';
import type { NewTrackInput } from '@/lib/domain/track-metadata';
import { openReceipt } from './receipt';

const EXPIRED = 'This upload is unknown or has expired: upload the file again';

/** The new track's files from the receipts of the caller's own uploads (400 otherwise). */
export async function trackFromUpload(input: NewTrackInput, userId: string): Promise<NewTrack> {
  const { audio, artwork, durationSeconds, status: _s, isVip: _v, rejectionReason: _r, vipPreview: _p, ...metadata } = input;
  const audioFile = await openReceipt(audio, userId, 'audio');
  const artworkFile = artwork ? await openReceipt(artwork, userId, 'artwork') : null;
  const issues = [
    ...(audioFile ? [] : [{ path: 'audio', message: EXPIRED }]),
    ...(artwork && !artworkFile ? [{ path: 'artwork', message: EXPIRED }] : []),
  ];
  if (issues.length > 0) throw new ApiError('invalid_input', 'Invalid body', { issues });
  return {
    metadata,
    audioUrl: audioFile!.fileUrl,
    artworkUrl: artworkFile?.fileUrl ?? null,
    durationSeconds: durationSeconds ?? null,
  };
}
