import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Actor } from '../access/policy';
import { ENTITIES } from '../entities/definitions';
import { validateRecord } from '../entities/validate';
import { badRequest, HttpError, notFound } from '../http/errors';
import { compileFilter } from '../query/filter';
import type { Services } from '../services';
import type { EntityRecord, EntityStore } from '../store/entity-store';
import { newRecord, updatedRecord } from '../store/records';
import { diamondEarnedOn, tracksCreditedOn, utcDayOf } from './daily-limits';
import { ownTrackReason, type OwnTrackReason } from './own-track';
import { assertNotInFuture, overlappingSet, overlappingSetError } from './set-rules';

/**
 * `recordSession {idempotency_key, venue, city, country, started_at, ended_at, tracks: [{track_id,
 * played_at}]}` → `{session_mix, session_tracks, skipped_track_ids, black_diamonds_awarded,
 * diamond_withheld_reason, notifications_sent, already_recorded}`.
 *
 * A DJ's set, delivered by the console's outbox, possibly many times (lost answers, retries, two
 * tabs, the service worker). Everything happens in ONE immediate SQLite transaction:
 *   1. a set already recorded under this (DJ, idempotency key) is answered as it was recorded the
 *      first time (`already_recorded: true`), nothing written; the same key with a different set is
 *      a 422 `idempotency_key_reused`;
 *   2. a set that ends (or has a play) more than CLOCK_SKEW_MS ahead of the server's clock is a
 *      400 `set_in_future`; a set overlapping one the DJ already recorded (under any key) is a 409
 *      `overlapping_set` naming that set: one gig, one set, one diamond;
 *   3. each played track is looked up in the catalogue (approved tracks); title, artist and
 *      producer come from there, never from the client; anything else is skipped and reported;
 *   4. the SessionMix and one SessionTrack per play are created (each play carries the producer,
 *      venue, city, country and time, for the producers' "where and when played"); a play of the
 *      DJ's own track (or one they are a collaborator on, see own-track.ts), or of a track already
 *      credited to this DJ on the same UTC day (`repeat`, see daily-limits.ts), is stored with
 *      `credited: false` and its reason: it counts for nothing;
 *   5. each producer whose track got a credited play gets one `track_played` Notification per track;
 *   6. a set with at least one credited catalogue track earns the DJ one Black Diamond, once, unless
 *      a set of the DJ starting the same UTC day already earned one (`diamond_withheld_reason:
 *      'daily_limit'`; a set without a credited track: `'no_credited_track'`).
 * Any failure rolls the whole transaction back. The key is stored on the SessionMix, so it lasts
 * as long as the set.
 */
export const SESSION_DIAMOND_AWARD = 1;
export type DiamondWithheldReason = 'daily_limit' | 'no_credited_track';
export type UncreditedReason = OwnTrackReason | 'repeat';
export const MAX_SET_TRACKS = 500;
const MAX_SET_MS = 24 * 60 * 60 * 1000;
/** Plays may be stamped a little outside the set (clock rounding, a play that began as it started). */
const PLAYED_AT_SLACK_MS = 60 * 1000;

const isoDate = z.iso.datetime({ offset: true, message: 'must be an ISO date-time' });
const inputSchema = z
  .object({
    idempotency_key: z.string().regex(/^[A-Za-z0-9_.:-]{8,128}$/, 'must be 8 to 128 letters, digits or - _ . :'),
    venue: z.string().trim().min(1, 'is required').max(120),
    city: z.string().trim().max(80).default(''),
    country: z.string().trim().max(80).default(''),
    started_at: isoDate,
    ended_at: isoDate,
    tracks: z
      .array(z.object({ track_id: z.string().trim().min(1).max(64), played_at: isoDate }).strict())
      .max(MAX_SET_TRACKS),
  })
  .strict();
type RecordSessionInput = z.output<typeof inputSchema>;

export interface RecordSessionResult {
  session_mix: EntityRecord;
  session_tracks: EntityRecord[];
  skipped_track_ids: string[];
  black_diamonds_awarded: number;
  /** Why a set earned no diamond (null when it earned one). */
  diamond_withheld_reason: DiamondWithheldReason | null;
  notifications_sent: number;
  already_recorded: boolean;
}

export function recordSession({ store }: Services, actor: Actor, input: unknown): RecordSessionResult {
  const set = parseInput(input);
  const digest = digestOf(set);
  return store.transaction(() => {
    const earlier = recordedSet(store, actor, set.idempotency_key);
    if (earlier) {
      if (earlier.request_digest !== digest) {
        throw new HttpError(422, 'This idempotency key was already used for a different set', 'idempotency_key_reused');
      }
      return replay(store, earlier);
    }
    assertNotInFuture(set);
    const other = overlappingSet(store, actor, Date.parse(set.started_at), Date.parse(set.ended_at));
    if (other) throw overlappingSetError(other);
    const dj = store.get('User', actor.id);
    if (!dj) throw notFound('User not found');
    const djName = firstText(dj.artist_name, dj.full_name, actor.email);
    const place = { venue: set.venue, city: set.city, country: set.country };

    const plays = set.tracks
      .map((play) => ({ play, track: catalogueTrack(store, play.track_id) }))
      .sort((a, b) => Date.parse(a.play.played_at) - Date.parse(b.play.played_at));
    const recorded = plays.filter((p): p is typeof p & { track: EntityRecord } => p.track !== null);
    const skipped = plays.filter((p) => p.track === null).map((p) => p.play.track_id);
    const credit = creditReasons(store, actor, dj, recorded);
    const creditedCount = credit.filter((reason) => reason === null).length;
    // A set of tracks already credited today is told "one a day", not "nothing to credit".
    const earnsAny = creditedCount > 0 || credit.includes('repeat');
    const withheld: DiamondWithheldReason | null =
      earnsAny && diamondEarnedOn(store, actor, Date.parse(set.started_at)) ? 'daily_limit'
      : creditedCount === 0 ? 'no_credited_track'
      : null;
    const award = withheld === null ? SESSION_DIAMOND_AWARD : 0;

    const now = new Date().toISOString();
    const mix = newRecord(
      {
        dj_id: actor.id, dj_name: djName, ...place,
        started_at: new Date(set.started_at).toISOString(), ended_at: new Date(set.ended_at).toISOString(),
        tracks_count: recorded.length, credited_tracks_count: creditedCount,
        diamond_awarded: award > 0, black_diamonds_awarded: award, diamond_withheld_reason: withheld,
        idempotency_key: set.idempotency_key, request_digest: digest, skipped_track_ids: skipped,
      },
      actor,
      { now },
    );
    validateRecord('SessionMix', mix);
    store.insert('SessionMix', mix);

    const sessionTracks = recorded.map(({ play, track }, index) => {
      const row = newRecord(
        {
          session_mix_id: mix.id, track_id: track.id, track_title: firstText(track.title),
          track_artist: firstText(track.producer_name, track.artist_name, track.artist),
          producer_id: typeof track.producer_id === 'string' ? track.producer_id : null,
          played_at: new Date(play.played_at).toISOString(), dj_id: actor.id, dj_name: djName, ...place,
          credited: credit[index] === null, uncredited_reason: credit[index] ?? null,
        },
        actor,
        { now },
      );
      validateRecord('SessionTrack', row);
      store.insert('SessionTrack', row);
      return row;
    });

    let notificationsSent = 0;
    const told = new Set<string>();
    for (const row of sessionTracks) {
      const producerId = row.producer_id;
      if (row.credited !== true || typeof producerId !== 'string' || told.has(String(row.track_id))) continue;
      told.add(String(row.track_id));
      const where = [set.venue, set.city].filter(Boolean).join(', ');
      const notification = newRecord(
        {
          user_id: producerId, type: 'track_played', title: 'Your track was played',
          message: `${djName} played "${String(row.track_title)}" at ${where}`, read: false,
          track_id: row.track_id, dj_id: actor.id, dj_name: djName, sender_id: actor.id,
        },
        actor,
        { now },
      );
      validateRecord('Notification', notification);
      store.insert('Notification', notification);
      notificationsSent += 1;
    }

    if (award > 0) {
      const balance = typeof dj.black_diamonds === 'number' && Number.isFinite(dj.black_diamonds) ? dj.black_diamonds : 0;
      const awarded = updatedRecord(dj, { black_diamonds: balance + award }, now);
      validateRecord('User', awarded);
      store.replace('User', awarded);
    }

    return {
      session_mix: mix,
      session_tracks: sessionTracks,
      skipped_track_ids: skipped,
      black_diamonds_awarded: award,
      diamond_withheld_reason: withheld,
      notifications_sent: notificationsSent,
      already_recorded: false,
    };
  });
}

function parseInput(input: unknown): RecordSessionInput {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badRequest(`recordSession: ${issue?.path.join('.') || 'input'} ${issue?.message ?? 'is invalid'}`.trim());
  }
  const set = parsed.data;
  const start = Date.parse(set.started_at);
  const end = Date.parse(set.ended_at);
  if (end < start) throw badRequest('recordSession: ended_at is before started_at');
  if (end - start > MAX_SET_MS) throw badRequest('recordSession: a set lasts at most 24 hours');
  for (const [index, play] of set.tracks.entries()) {
    const at = Date.parse(play.played_at);
    if (at < start - PLAYED_AT_SLACK_MS || at > end + PLAYED_AT_SLACK_MS) {
      throw badRequest(`recordSession: tracks.${index}.played_at is outside the set`);
    }
  }
  return set;
}

/** What makes two deliveries "the same set": everything but the key, in a fixed order. */
function digestOf(set: RecordSessionInput): string {
  const canonical = JSON.stringify([
    set.venue, set.city, set.country, Date.parse(set.started_at), Date.parse(set.ended_at),
    set.tracks.map((t) => [t.track_id, Date.parse(t.played_at)]),
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

function recordedSet(store: EntityStore, actor: Actor, key: string): EntityRecord | null {
  const [id] = store.ids('SessionMix', compileFilter(ENTITIES.SessionMix, { dj_id: actor.id, idempotency_key: key }), 1);
  return id ? store.get('SessionMix', id) : null;
}

function replay(store: EntityStore, mix: EntityRecord): RecordSessionResult {
  const ids = store.ids('SessionTrack', compileFilter(ENTITIES.SessionTrack, { session_mix_id: mix.id }), MAX_SET_TRACKS);
  const tracks = ids
    .map((id) => store.get('SessionTrack', id))
    .filter((row): row is EntityRecord => row !== null)
    .sort((a, b) => String(a.played_at).localeCompare(String(b.played_at)) || a.id.localeCompare(b.id));
  const award = typeof mix.black_diamonds_awarded === 'number' ? mix.black_diamonds_awarded : 0;
  return {
    session_mix: mix,
    session_tracks: tracks,
    skipped_track_ids: Array.isArray(mix.skipped_track_ids) ? mix.skipped_track_ids.map(String) : [],
    black_diamonds_awarded: award,
    diamond_withheld_reason: withheldReasonOf(mix, award),
    notifications_sent: 0,
    already_recorded: true,
  };
}

/**
 * Why each play (in time order) earns no credit, or null when it does: the DJ's own or collaborated
 * track, or a track already credited to this DJ that UTC day (in an earlier set, or earlier in this one).
 */
function creditReasons(
  store: EntityStore, actor: Actor, dj: EntityRecord, plays: Array<{ play: { played_at: string }; track: EntityRecord }>,
): Array<UncreditedReason | null> {
  const creditedByDay = new Map<string, Set<string>>();
  return plays.map(({ play, track }) => {
    const own = ownTrackReason(track, dj);
    if (own) return own;
    const at = Date.parse(play.played_at);
    const day = utcDayOf(at).start;
    let credited = creditedByDay.get(day);
    if (!credited) {
      credited = tracksCreditedOn(store, actor, at);
      creditedByDay.set(day, credited);
    }
    if (credited.has(track.id)) return 'repeat';
    credited.add(track.id);
    return null;
  });
}

/** A replayed set's reason, as stored (sets recorded before the reason existed: inferred). */
function withheldReasonOf(mix: EntityRecord, award: number): DiamondWithheldReason | null {
  if (mix.diamond_withheld_reason === 'daily_limit' || mix.diamond_withheld_reason === 'no_credited_track') {
    return mix.diamond_withheld_reason;
  }
  return award > 0 || mix.diamond_awarded === true ? null : 'no_credited_track';
}

/** A track of the catalogue (approved), or null: pending, rejected or deleted tracks are skipped. */
function catalogueTrack(store: EntityStore, id: string): EntityRecord | null {
  const track = store.get('Track', id);
  return track && track.status === 'approved' ? track : null;
}

function firstText(...values: unknown[]): string {
  for (const value of values) if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return '';
}
