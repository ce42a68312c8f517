// DJ sets (issue #7). A set is recorded by the app's `recordSession` backend function, exactly once
// per (DJ, idempotency key): the SessionMix, its SessionTracks, the producers' `track_played`
// notifications and the DJ's Black Diamond in one server-side step (see README). Listing reads the
// caller's SessionMix records.
import { z } from 'zod';
import type { NewDjSet, RecordedDjSet } from '@/lib/domain/sessions';
import type { SessionMix, SessionTrack } from '@/lib/domain/types';
import { overlappingSetMessage } from '@/lib/sessions/overlap-message';
import type { CallOptions } from './account';
import type { Base44Client } from './client';
import { Base44Error, isBase44Error } from './errors';
import { count, EPOCH, flag, lenient, optionalText, optionalTimestamp, textList, wireId } from './wire';

export const sessionMixRecordSchema = z
  .looseObject({
    id: wireId,
    dj_id: optionalText,
    created_by_id: optionalText,
    dj_name: optionalText,
    venue: optionalText,
    city: optionalText,
    country: optionalText,
    started_at: optionalTimestamp,
    ended_at: optionalTimestamp,
    created_date: optionalTimestamp,
    tracks_count: count,
    diamond_awarded: flag,
    black_diamonds_awarded: count,
  })
  .transform(
    (r): SessionMix => ({
      id: r.id,
      djId: r.dj_id ?? r.created_by_id ?? '',
      djName: r.dj_name ?? '',
      venue: r.venue,
      city: r.city,
      country: r.country,
      startedAt: r.started_at ?? r.created_date ?? EPOCH,
      endedAt: r.ended_at,
      tracksCount: r.tracks_count,
      diamondAwarded: r.diamond_awarded || r.black_diamonds_awarded > 0,
    }),
  );

/** A SessionTrack's `credited`: only an explicit false counts (legacy plays, without it, were all credited). */
export const creditedFlag = lenient((value) => value !== false && value !== 'false');

export const sessionTrackRecordSchema = z
  .looseObject({
    id: wireId,
    session_mix_id: optionalText,
    track_id: optionalText,
    track_title: optionalText,
    track_artist: optionalText,
    producer_id: optionalText,
    played_at: optionalTimestamp,
    created_date: optionalTimestamp,
    dj_id: optionalText,
    dj_name: optionalText,
    venue: optionalText,
    city: optionalText,
    country: optionalText,
    credited: creditedFlag,
    uncredited_reason: optionalText,
  })
  .transform(
    (r): SessionTrack => ({
      id: r.id,
      sessionMixId: r.session_mix_id ?? '',
      trackId: r.track_id ?? '',
      trackTitle: r.track_title ?? '',
      trackArtist: r.track_artist,
      producerId: r.producer_id,
      playedAt: r.played_at ?? r.created_date ?? EPOCH,
      djId: r.dj_id ?? '',
      djName: r.dj_name ?? '',
      venue: r.venue,
      city: r.city,
      country: r.country,
      credited: r.credited,
      uncreditedReason: r.credited ? null : (r.uncredited_reason ?? null),
    }),
  );

/** The function's answer; a Base44 function's JSON may also come wrapped in `{data}`. */
export const recordSessionResultSchema = z.preprocess(
  (raw) => {
    const wrapped = raw as { data?: unknown } | null;
    return wrapped && typeof wrapped === 'object' && !('session_mix' in wrapped) && wrapped.data ? wrapped.data : raw;
  },
  z
    .looseObject({
      session_mix: sessionMixRecordSchema,
      session_tracks: z.array(sessionTrackRecordSchema),
      skipped_track_ids: textList,
      black_diamonds_awarded: count,
      diamond_withheld_reason: z.enum(['daily_limit', 'no_credited_track']).nullish().catch(null),
      already_recorded: flag,
    })
    .transform(
      (r): RecordedDjSet => ({
        set: r.session_mix,
        tracks: r.session_tracks,
        skippedTrackIds: r.skipped_track_ids,
        blackDiamondsAwarded: r.black_diamonds_awarded,
        diamondWithheldReason: r.black_diamonds_awarded > 0 ? null : (r.diamond_withheld_reason ?? null),
        alreadyRecorded: r.already_recorded,
      }),
    ),
);

export const SET_KEY_REUSED_MESSAGE = 'This set was already sent with different contents: it cannot be sent again under the same key.';
export const SET_REFUSED_MESSAGE = 'SPYNNERS refused this set: its data is not valid.';
export const SET_IN_FUTURE_MESSAGE =
  'This set ends in the future by SPYNNERS’ clock: check the date and time of this device, then send it again.';

/** The set already recorded that a new one overlaps (from the function's 409 `overlapping_set`). */
export interface OverlappedSet {
  id: string;
  venue: string | null;
  city: string | null;
  startedAt: string | null;
  endedAt: string | null;
}

const overlappedSetSchema = z
  .looseObject({
    other_set_id: optionalText,
    other_set: z
      .looseObject({ id: optionalText, venue: optionalText, city: optionalText, started_at: optionalTimestamp, ended_at: optionalTimestamp })
      .optional()
      .catch(undefined),
  })
  .transform((r): OverlappedSet | null => {
    const id = r.other_set_id ?? r.other_set?.id ?? null;
    if (!id) return null;
    const other = r.other_set;
    return { id, venue: other?.venue ?? null, city: other?.city ?? null, startedAt: other?.started_at ?? null, endedAt: other?.ended_at ?? null };
  });

/**
 * The set overlaps one the DJ already recorded (409 `overlapping_set`): a `conflict` for generic
 * handlers; lib/api answers it as `overlapping_set` with the other set's id.
 */
export class OverlappingSetError extends Base44Error {
  readonly reason = 'overlapping_set' as const;
  constructor(readonly otherSet: OverlappedSet, detail?: string) {
    super('conflict', { message: overlappingSetMessage(otherSet, 'UTC'), upstreamStatus: 409, upstreamCode: 'overlapping_set', detail });
    this.name = 'OverlappingSetError';
  }
}

export function isOverlappingSetError(error: unknown): error is OverlappingSetError {
  return error instanceof OverlappingSetError;
}

/** The function's refusals that the DJ can act on, as errors with their own message. */
function refusalOf(error: Base44Error): Base44Error {
  if (error.upstreamStatus === 422) {
    return new Base44Error('conflict', { message: SET_KEY_REUSED_MESSAGE, upstreamStatus: 422, detail: error.detail });
  }
  if (error.upstreamStatus === 409 && error.upstreamCode === 'overlapping_set') {
    const other = overlappedSetSchema.safeParse(error.upstreamFields ?? {});
    if (other.success && other.data) return new OverlappingSetError(other.data, error.detail);
  }
  if (error.upstreamStatus === 400 && error.upstreamCode === 'set_in_future') {
    return new Base44Error('bad_request', { message: SET_IN_FUTURE_MESSAGE, upstreamStatus: 400, upstreamCode: 'set_in_future', detail: error.detail });
  }
  return error;
}

/** How many of a DJ's sets the list shows (newest first). */
export const MY_SETS_LIMIT = 200;

export function sessionVerbs(client: Base44Client) {
  /**
   * Records `set` once per `idempotencyKey`; a repeat answers the first result with
   * `alreadyRecorded: true`. Never retried here (the outbox retries, at one layer) and not aborted
   * with the caller's request: a lost answer costs one repeat, never a half-written set.
   */
  async function recordSession(token: string, set: NewDjSet, idempotencyKey: string, _options: CallOptions = {}): Promise<RecordedDjSet> {
    try {
      return await client.request({
        method: 'POST',
        path: '/functions/recordSession',
        token,
        body: {
          idempotency_key: idempotencyKey,
          venue: set.venue,
          city: set.city,
          country: set.country,
          started_at: set.startedAt,
          ended_at: set.endedAt,
          tracks: set.tracks.map((t) => ({ track_id: t.trackId, played_at: t.playedAt })),
        },
        schema: recordSessionResultSchema,
        messages: { bad_request: SET_REFUSED_MESSAGE },
      });
    } catch (error) {
      throw isBase44Error(error) ? refusalOf(error) : error;
    }
  }

  /** The caller's latest recorded sets (at most MY_SETS_LIMIT), newest first. */
  async function listMySessions(token: string, callerId: string, options: CallOptions = {}): Promise<SessionMix[]> {
    const records = await client.request({
      method: 'GET',
      path: '/entities/SessionMix',
      query: { q: JSON.stringify({ dj_id: callerId }), sort: '-started_at', limit: MY_SETS_LIMIT },
      token,
      schema: z.array(z.unknown()),
      signal: options.signal,
    });
    return records
      .map((raw) => sessionMixRecordSchema.safeParse(raw))
      .flatMap((parsed) => (parsed.success && parsed.data.djId === callerId ? [parsed.data] : []))
      .sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  }

  return { recordSession, listMySessions };
}
