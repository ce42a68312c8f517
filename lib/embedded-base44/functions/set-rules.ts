import type { Actor } from '../access/policy';
import { ENTITIES } from '../entities/definitions';
import { HttpError } from '../http/errors';
import { compileFilter } from '../query/filter';
import type { EntityRecord, EntityStore } from '../store/entity-store';

/**
 * What makes a set impossible, beyond its shape: it ends (or a play is stamped) in the future, or
 * it overlaps a set the same DJ already recorded. Without these, one set sent under many keys, or
 * sets dated years ahead, each earned a Black Diamond.
 */

/** Devices' clocks run a little ahead: a set may end this far past the server's now. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** Overlapping sets read back to name the earliest (there is normally one at most). */
const MAX_REPORTED_CANDIDATES = 1000;

export function assertNotInFuture(set: { ended_at: string; tracks: Array<{ played_at: string }> }, now = Date.now()): void {
  const latest = now + CLOCK_SKEW_MS;
  if (Date.parse(set.ended_at) > latest) {
    throw new HttpError(400, 'recordSession: the set ends in the future (ended_at is ahead of the server clock)', 'set_in_future');
  }
  const index = set.tracks.findIndex((play) => Date.parse(play.played_at) > latest);
  if (index >= 0) {
    throw new HttpError(400, `recordSession: tracks.${index}.played_at is in the future`, 'set_in_future');
  }
}

/**
 * Two sets overlap when they share more than an instant, or start at the same instant (so two
 * zero-length sets at one time overlap too). Adjacent sets, one ending as the next starts, do not.
 */
export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start === b.start || (a.start < b.end && b.start < a.end);
}

// A stored set's span in SQL: SQLite's julianday() reads ISO times with a zone and Base44's
// zone-less UTC ones alike; a set without a readable end lasts an instant, one without a readable
// start (nor created_date) is skipped. The DJ's sets are found through the dj_id index.
export const START_SQL = "julianday(coalesce(json_extract(data, '$.started_at'), json_extract(data, '$.created_date')))";
const END_SQL = `max(coalesce(julianday(json_extract(data, '$.ended_at')), ${START_SQL}), ${START_SQL})`;
const OVERLAP_SQL = `(${START_SQL} = julianday(?) OR (${START_SQL} < julianday(?) AND julianday(?) < ${END_SQL}))`;

/** The first (earliest) set of the DJ that overlaps [start, end] (see `overlaps`), or null. */
export function overlappingSet(store: EntityStore, actor: Actor, start: number, end: number): EntityRecord | null {
  const byDj = compileFilter(ENTITIES.SessionMix, { dj_id: actor.id });
  const [startIso, endIso] = [new Date(start).toISOString(), new Date(end).toISOString()];
  const where = { sql: `(${byDj.sql}) AND ${OVERLAP_SQL}`, params: [...byDj.params, startIso, endIso, startIso] };
  let first: { mix: EntityRecord; start: number } | null = null;
  for (const id of store.ids('SessionMix', where, MAX_REPORTED_CANDIDATES)) {
    const mix = store.get('SessionMix', id);
    if (!mix) continue;
    const at = intervalOf(mix)?.start ?? Number.POSITIVE_INFINITY;
    if (!first || at < first.start) first = { mix, start: at };
  }
  return first?.mix ?? null;
}

/** 409 `overlapping_set`, naming the set already recorded (for the DJ's "why"). */
export function overlappingSetError(other: EntityRecord): HttpError {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : null);
  const where = text(other.venue) ?? 'another venue';
  const when = text(other.started_at) ?? 'an earlier date';
  return new HttpError(409, `This set overlaps the set you recorded at ${where} (started ${when})`, 'overlapping_set', {
    other_set_id: other.id,
    other_set: {
      id: other.id,
      venue: text(other.venue),
      city: text(other.city),
      country: text(other.country),
      started_at: text(other.started_at),
      ended_at: text(other.ended_at),
    },
  });
}

/** A stored set's time span; legacy sets without an end last an instant; unreadable ones are skipped. */
function intervalOf(mix: Record<string, unknown>): { start: number; end: number } | null {
  const start = timeOf(mix.started_at) ?? timeOf(mix.created_date);
  if (start === null) return null;
  const end = timeOf(mix.ended_at);
  return { start, end: end !== null && end >= start ? end : start };
}

/** Base44 writes UTC times without a zone ("2025-03-01T10:00:00.123000"): read them as UTC. */
function timeOf(value: unknown): number | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const text = value.trim();
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(text) || !text.includes('T') ? text : `${text}Z`;
  const time = Date.parse(zoned);
  return Number.isNaN(time) ? null : time;
}
