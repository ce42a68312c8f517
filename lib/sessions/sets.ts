// DJ sets on the device (Dexie `djSets`): start, edit while live, end. Ending a set freezes its
// entries and writes its outbox entry in ONE transaction: a set is never "ended" without being
// queued for the server, nor queued twice.
import type { ConsoleDatabase, DjSetRow, SetTrackRef } from '@/lib/offline/db';
import { withDb } from '@/lib/offline/db';
import { newOutboxRow } from '@/lib/offline/outbox/store';
import type { NewDjSet } from '@/lib/domain/sessions';
import { SET_LIMITS } from '@/lib/domain/sessions';
import { assembleSet } from './assemble';

export const DJ_SET_KIND = 'dj-set';
export const SESSIONS_URL = '/api/sessions';

export interface Place {
  venue: string;
  city: string;
  country: string;
}

export class SetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SetError';
  }
}

/** A DJ's sets, newest first. */
export function setsOf(db: ConsoleDatabase, userId: string): Promise<DjSetRow[]> {
  return withDb(db, () =>
    db.djSets.where('[userId+startedAt]').between([userId, -Infinity], [userId, Infinity], true, true).reverse().toArray(),
  );
}

export async function liveSetOf(db: ConsoleDatabase, userId: string): Promise<DjSetRow | null> {
  return (await setsOf(db, userId)).find((set) => set.status === 'live') ?? null;
}

export function cleanPlace(place: Place): Place {
  const clean = (value: string, max: number) => value.trim().replace(/\s+/g, ' ').slice(0, max);
  return { venue: clean(place.venue, SET_LIMITS.venue), city: clean(place.city, SET_LIMITS.city), country: clean(place.country, SET_LIMITS.country) };
}

export async function startSet(db: ConsoleDatabase, userId: string, place: Place, now: number): Promise<DjSetRow> {
  const where = cleanPlace(place);
  if (!where.venue) throw new SetError('Say where you are playing (the venue).');
  return withDb(db, () =>
    db.transaction('rw', db.djSets, async () => {
      if (await liveSetOf(db, userId)) throw new SetError('A set is already running: end it first.');
      const set: DjSetRow = {
        id: crypto.randomUUID(), userId, status: 'live', startedAt: now, endedAt: null, ...where,
        added: [], removed: [], corrections: {}, entries: null, outboxId: null, result: null, failure: null,
      };
      await db.djSets.add(set);
      return set;
    }),
  );
}

async function editLive(db: ConsoleDatabase, setId: string, edit: (set: DjSetRow) => Partial<DjSetRow>): Promise<void> {
  await withDb(db, () =>
    db.transaction('rw', db.djSets, async () => {
      const set = await db.djSets.get(setId);
      if (!set || set.status !== 'live') throw new SetError('This set has ended: it can no longer be changed.');
      await db.djSets.update(setId, edit(set));
    }),
  );
}

/** A catalogue track the decks did not log (played from another source), at `now`. */
export function addToSet(db: ConsoleDatabase, setId: string, track: SetTrackRef, now: number): Promise<void> {
  return editLive(db, setId, (set) => ({ added: [...set.added, { ...track, id: `added:${crypto.randomUUID()}`, playedAt: now }] }));
}

export function removeFromSet(db: ConsoleDatabase, setId: string, ref: string): Promise<void> {
  return editLive(db, setId, (set) =>
    ref.startsWith('added:')
      ? { added: set.added.filter((entry) => entry.id !== ref) }
      : { removed: set.removed.includes(ref) ? set.removed : [...set.removed, ref] },
  );
}

/** The entry was another track (a wrong detection, a white label): keep its time, change the track. */
export function correctEntry(db: ConsoleDatabase, setId: string, ref: string, track: SetTrackRef): Promise<void> {
  return editLive(db, setId, (set) => ({ corrections: { ...set.corrections, [ref]: track } }));
}

export function editPlace(db: ConsoleDatabase, setId: string, place: Place): Promise<void> {
  const where = cleanPlace(place);
  if (!where.venue) return Promise.reject(new SetError('Say where you are playing (the venue).'));
  return editLive(db, setId, () => where);
}

/** Ends the set: its entries frozen, its delivery queued, atomically. Returns the outbox id. */
export async function endSet(db: ConsoleDatabase, setId: string, now: number): Promise<string> {
  return withDb(db, () =>
    db.transaction('rw', [db.djSets, db.onAirPlays, db.outbox], async () => {
      const set = await db.djSets.get(setId);
      if (!set || set.status !== 'live') throw new SetError('This set has already ended.');
      const endedAt = Math.max(now, set.startedAt);
      const plays = await db.onAirPlays
        .where('[userId+startedAt]')
        .between([set.userId, set.startedAt], [set.userId, endedAt], true, true)
        .toArray();
      const entries = assembleSet({ ...set, endedAt }, plays, endedAt);
      if (entries.length === 0) throw new SetError('Nothing was played in this set: discard it instead.');
      const body: NewDjSet = {
        djId: set.userId,
        venue: set.venue,
        city: set.city,
        country: set.country,
        startedAt: new Date(set.startedAt).toISOString(),
        endedAt: new Date(endedAt).toISOString(),
        tracks: entries.map((entry) => ({ trackId: entry.trackId, playedAt: new Date(entry.playedAt).toISOString() })),
      };
      const row = newOutboxRow({ userId: set.userId, kind: DJ_SET_KIND, subjectId: set.id, url: SESSIONS_URL, body, now });
      await db.outbox.add(row);
      await db.djSets.update(setId, { status: 'pending', endedAt, entries, outboxId: row.id, failure: null });
      return row.id;
    }),
  );
}

/**
 * Drops a live set in which nothing was played: there is nothing to report, so nothing is queued.
 * Checked inside the transaction: a play logged meanwhile means the set must be ended, not lost.
 */
export async function discardEmptySet(db: ConsoleDatabase, setId: string, now: number): Promise<void> {
  await withDb(db, () =>
    db.transaction('rw', [db.djSets, db.onAirPlays], async () => {
      const set = await db.djSets.get(setId);
      if (!set || set.status !== 'live') throw new SetError('This set has already ended.');
      const until = Math.max(now, set.startedAt);
      const plays = await db.onAirPlays.where('[userId+startedAt]').between([set.userId, set.startedAt], [set.userId, until], true, true).toArray();
      if (assembleSet({ ...set, endedAt: until }, plays, until).length > 0) {
        throw new SetError('Tracks were logged in this set meanwhile: end it to send them.');
      }
      await db.djSets.delete(setId);
    }),
  );
}

/** The places of the DJ's earlier sets, most recent first, each once (by venue and city). */
export function recentPlaces(sets: readonly DjSetRow[], limit = 8): Place[] {
  const seen = new Set<string>();
  const places: Place[] = [];
  for (const set of [...sets].sort((a, b) => b.startedAt - a.startedAt)) {
    const key = `${set.venue.toLowerCase()}\u0000${set.city.toLowerCase()}`;
    if (!set.venue || seen.has(key)) continue;
    seen.add(key);
    places.push({ venue: set.venue, city: set.city, country: set.country });
    if (places.length >= limit) break;
  }
  return places;
}
