import { z } from 'zod';
import type { Actor } from '../access/policy';
import { validateRecord } from '../entities/validate';
import { badRequest, HttpError } from '../http/errors';
import type { Services } from '../services';
import type { EntityRecord } from '../store/entity-store';
import { updatedRecord } from '../store/records';
import { readableTrack } from './readable-track';

/**
 * `resubmitTrack {track_id, audio_url, duration?}` → the track, back in review.
 *
 * A producer replaces the audio of their own track that is pending or was rejected, and sends it
 * to review again: in one transaction the new audio and duration are stored, the status becomes
 * `pending` and the rejection (reason and date) is cleared. Status and rejection are admin-only
 * fields of Track, so this is the one way a producer moves them. Refused: someone else's track
 * (403, or 404 when they cannot even see it), an approved track (409 `track_approved`: its audio
 * is what DJs already play and download), and any other input (400). Nothing is written then.
 */
const inputSchema = z
  .object({
    track_id: z.string().trim().min(1).max(64),
    audio_url: z.string().trim().min(1).max(2048),
    duration: z.number().positive().max(24 * 3600).nullable().optional(),
  })
  .strict();

export function resubmitTrack({ store }: Services, actor: Actor, input: unknown): EntityRecord {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badRequest(`resubmitTrack expects {track_id, audio_url, duration?}: ${issue?.path.join('.') || 'input'} ${issue?.message ?? ''}`.trim());
  }
  const { track_id: trackId, audio_url: audioUrl, duration } = parsed.data;
  return store.transaction(() => {
    const track = readableTrack(store, trackId, actor);
    // Legacy records name their producer only through created_by_id.
    if ((track.producer_id ?? track.created_by_id) !== actor.id) throw new HttpError(403, 'Only the track’s producer can replace its audio', 'forbidden');
    if (track.status === 'approved') {
      throw new HttpError(409, 'An approved track’s audio cannot be replaced: DJs already play and download it', 'track_approved');
    }
    const after = updatedRecord(track, {
      audio_url: audioUrl,
      duration: duration ?? null,
      status: 'pending',
      rejection_reason: null,
      rejected_at: null,
    });
    validateRecord('Track', after);
    store.replace('Track', after);
    return after;
  });
}
