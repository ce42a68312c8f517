import type { Actor } from '../access/policy';
import { ENTITIES } from '../entities/definitions';
import { compileFilter } from '../query/filter';
import type { EntityStore } from '../store/entity-store';
import { START_SQL } from './set-rules';

/**
 * What one DJ can earn in a UTC calendar day: one Black Diamond, and one play credit per track.
 * Non-overlapping sets alone bound farming by time only: a DJ could invent many one-minute sets in
 * the past, each with another producer's track, for a diamond and a credit each. With these limits
 * an account earns at most what a DJ who really plays every night earns. Both are read inside
 * recordSession's immediate transaction, so concurrent deliveries serialise and one wins.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
/** Tracks credited to one DJ in a day read back at most (far above a real night's tracklist). */
const MAX_DAY_TRACKS = 10_000;

/** The UTC calendar day holding `time`, as [start, next day's start) in ISO form. */
export function utcDayOf(time: number): { start: string; end: string } {
  const start = Math.floor(time / DAY_MS) * DAY_MS;
  return { start: new Date(start).toISOString(), end: new Date(start + DAY_MS).toISOString() };
}

const EARNED_SQL = "(json_extract(data, '$.diamond_awarded') = 1 OR json_extract(data, '$.black_diamonds_awarded') > 0)";

/** Did a set of this DJ starting on the UTC day of `startedAt` already earn a Black Diamond? */
export function diamondEarnedOn(store: EntityStore, actor: Actor, startedAt: number): boolean {
  const day = utcDayOf(startedAt);
  const byDj = compileFilter(ENTITIES.SessionMix, { dj_id: actor.id });
  const sql = `(${byDj.sql}) AND ${EARNED_SQL} AND ${START_SQL} >= julianday(?) AND ${START_SQL} < julianday(?)`;
  return store.count('SessionMix', { sql, params: [...byDj.params, day.start, day.end] }) > 0;
}

// A missing `credited` is a legacy play: it was credited.
const PLAYED_SQL = "julianday(coalesce(json_extract(data, '$.played_at'), json_extract(data, '$.created_date')))";
const CREDITED_SQL = "coalesce(json_extract(data, '$.credited'), 1) NOT IN (0, 'false')";

/** The tracks already credited to this DJ for a play on the UTC day of `playedAt`. */
export function tracksCreditedOn(store: EntityStore, actor: Actor, playedAt: number): Set<string> {
  const day = utcDayOf(playedAt);
  const byDj = compileFilter(ENTITIES.SessionTrack, { dj_id: actor.id });
  const sql = `(${byDj.sql}) AND ${CREDITED_SQL} AND ${PLAYED_SQL} >= julianday(?) AND ${PLAYED_SQL} < julianday(?)`;
  const ids = store.distinct('SessionTrack', { sql, params: [...byDj.params, day.start, day.end] }, "'$.track_id'", null, MAX_DAY_TRACKS);
  return new Set(ids.map(String));
}
