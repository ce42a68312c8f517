// A producer's own tracks: list (every status), create (always pending), edit and delete. Ownership
// is checked here before any write goes upstream, and again by the backend's rules.
import { z } from 'zod';
import type { TrackMetadata, TrackMetadataPatch } from '@/lib/domain/track-metadata';
import type { Track } from '@/lib/domain/types';
import type { CallOptions } from './account';
import type { Base44Client } from './client';
import { Base44Error } from './errors';
import { listEvery } from './paging';
import { trackRecordSchema } from './tracks';
import { describeIssues } from './wire';

/** What the console stores for a new track: the producer's metadata and the uploaded files. */
export interface NewTrack {
  metadata: Omit<TrackMetadata, 'status' | 'isVip' | 'rejectionReason' | 'vipPreview'>;
  /** Upstream file URLs, from UploadFile (never from the browser). */
  audioUrl: string;
  artworkUrl: string | null;
  durationSeconds: number | null;
}

const NOT_FOUND = 'This track does not exist.';
const NOT_YOURS = 'You can only change your own tracks.';
const APPROVED_AUDIO = 'An approved track’s audio cannot be replaced: DJs already play and download it. Upload it as a new track.';

/** New audio for a pending or rejected track: an upstream file URL, from UploadFile. */
export interface ReplacementAudio {
  audioUrl: string;
  durationSeconds: number | null;
}

/** A Base44 function's answer may come wrapped in `{data}`. */
const unwrapped = (raw: unknown) => {
  const wrapped = raw as { data?: unknown } | null;
  return wrapped && typeof wrapped === 'object' && !('id' in wrapped) && wrapped.data ? wrapped.data : raw;
};

type MetadataFields = Omit<TrackMetadataPatch, 'status' | 'isVip' | 'rejectionReason' | 'vipPreview'>;

/** Domain metadata → Track wire fields (only the fields given). */
export function metadataToWire(metadata: MetadataFields): Record<string, unknown> {
  const wire: Record<string, unknown> = {};
  const set = (field: string, value: unknown) => {
    if (value !== undefined) wire[field] = value;
  };
  set('title', metadata.title);
  set('producer_name', metadata.artist);
  set('label_name', metadata.labelName);
  set('collaborators', metadata.collaborators);
  set('genre', metadata.genre);
  set('bpm', metadata.bpm);
  set('key', metadata.key);
  set('energy_level', metadata.energy);
  set('mood', metadata.mood);
  set('release_date', metadata.releaseDate);
  set('isrc', metadata.isrc);
  set('iswc', metadata.iswc);
  set('description', metadata.description);
  set('is_unreleased', metadata.isUnreleased);
  set('vip_requested', metadata.vipRequested);
  set('rights_confirmed', metadata.rightsConfirmed);
  set('free_download_authorized', metadata.freeDownloadAuthorized);
  return wire;
}

/** A stored track, and which legacy artist fields it shows its artist through. */
const storedTrackSchema = z.unknown().transform((raw, ctx) => {
  const parsed = trackRecordSchema.safeParse(raw);
  if (!parsed.success) {
    ctx.issues.push({ code: 'custom', message: describeIssues(parsed.error), input: raw });
    return z.NEVER;
  }
  const record = raw as Record<string, unknown>;
  const legacyArtistFields = ['artist_name', 'artist'].filter((field) => typeof record[field] === 'string' && record[field] !== '');
  return { track: parsed.data.track, legacyArtistFields };
});

export function myTrackVerbs(client: Base44Client, catalogue: { invalidateCatalogue(): void }) {
  /** Every track of the caller's, whatever its status, newest first. */
  async function listMyTracks(token: string, callerId: string, options: CallOptions = {}): Promise<Track[]> {
    const { items } = await listEvery(client, {
      path: '/entities/Track',
      // Legacy records may name their producer only through created_by_id.
      q: { $or: [{ producer_id: callerId }, { created_by_id: callerId }] },
      sort: '-created_date',
      token,
      record: trackRecordSchema,
      idOf: (wire) => wire.track.id,
      signal: options.signal,
    });
    return items
      .map((wire) => wire.track)
      .filter((track) => track.producerId === callerId)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async function readOwn(token: string, callerId: string, id: string, options: CallOptions) {
    const stored = await client.request({
      method: 'GET',
      path: `/entities/Track/${encodeURIComponent(id)}`,
      token,
      schema: storedTrackSchema,
      signal: options.signal,
      messages: { not_found: NOT_FOUND, forbidden: NOT_YOURS },
    });
    if (stored.track.producerId !== callerId) throw new Base44Error('forbidden', { message: NOT_YOURS });
    return stored;
  }

  /** A new track, always `pending` whoever asks (admins included): review decides the rest. */
  async function createTrack(token: string, callerId: string, input: NewTrack, options: CallOptions = {}): Promise<Track> {
    const { track } = await client.request({
      method: 'POST',
      path: '/entities/Track',
      token,
      body: {
        ...metadataToWire(input.metadata),
        producer_id: callerId,
        audio_url: input.audioUrl,
        artwork_url: input.artworkUrl,
        duration: input.durationSeconds,
        status: 'pending',
        play_count: 0,
        download_count: 0,
      },
      schema: storedTrackSchema,
      signal: options.signal,
    });
    return track;
  }

  async function updateMyTrack(
    token: string, callerId: string, id: string, patch: TrackMetadataPatch, options: CallOptions = {},
  ): Promise<Track> {
    const stored = await readOwn(token, callerId, id, options);
    const changes = metadataToWire(patch);
    // A legacy record shows its artist from artist_name / artist: keep those in step.
    if (patch.artist !== undefined) for (const field of stored.legacyArtistFields) changes[field] = patch.artist;
    if (Object.keys(changes).length === 0) return stored.track;
    const { track } = await client.request({
      method: 'PUT',
      path: `/entities/Track/${encodeURIComponent(id)}`,
      token,
      body: changes,
      schema: storedTrackSchema,
      signal: options.signal,
      messages: { not_found: NOT_FOUND, forbidden: NOT_YOURS },
    });
    if (stored.track.status === 'approved') catalogue.invalidateCatalogue();
    return track;
  }

  /**
   * Replaces the audio of the caller's pending or rejected track and sends it back to review
   * (pending, rejection cleared), through the app's `resubmitTrack` function: status and rejection
   * are admin-only fields. Someone else's track: `forbidden`; an approved one: `conflict`. Both
   * are checked here first and again by the function, in its transaction.
   */
  async function resubmitMyTrack(token: string, callerId: string, id: string, audio: ReplacementAudio, options: CallOptions = {}): Promise<Track> {
    const stored = await readOwn(token, callerId, id, options);
    if (stored.track.status === 'approved') throw new Base44Error('conflict', { message: APPROVED_AUDIO });
    const { track } = await client.request({
      method: 'POST',
      path: '/functions/resubmitTrack',
      token,
      body: { track_id: id, audio_url: audio.audioUrl, duration: audio.durationSeconds },
      schema: z.preprocess(unwrapped, storedTrackSchema),
      signal: options.signal,
      messages: { not_found: NOT_FOUND, forbidden: NOT_YOURS, conflict: APPROVED_AUDIO },
    });
    return track;
  }

  async function deleteMyTrack(token: string, callerId: string, id: string, options: CallOptions = {}): Promise<void> {
    const stored = await readOwn(token, callerId, id, options);
    await client.request({
      method: 'DELETE',
      path: `/entities/Track/${encodeURIComponent(id)}`,
      token,
      schema: z.unknown(),
      signal: options.signal,
      messages: { not_found: NOT_FOUND, forbidden: NOT_YOURS },
    });
    if (stored.track.status === 'approved') catalogue.invalidateCatalogue();
  }

  return { listMyTracks, createTrack, updateMyTrack, resubmitMyTrack, deleteMyTrack };
}
