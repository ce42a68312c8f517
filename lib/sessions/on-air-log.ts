// The session log's interface between the decks (issue #6, which records what plays on air) and
// DJ sets (issue #7, which reads it). Local-only: rows live in IndexedDB until a set takes them.
import { consoleDb, withDb, type ConsoleDatabase, type OnAirPlayRow } from '@/lib/offline/db';

export type OnAirPlay = OnAirPlayRow;

/** A play counts as "on air" once it has been audible for this long (issue #6). */
export const ON_AIR_THRESHOLD_MS = 30_000;

/** Writes (or updates, same id) one on-air play. Idempotent. */
export async function recordOnAirPlay(play: OnAirPlay, db: ConsoleDatabase = consoleDb()): Promise<void> {
  await withDb(db, () => db.onAirPlays.put(play));
}

/** A DJ's on-air plays that started within [from, to] (epoch ms), oldest first. */
export async function listOnAirPlays(
  userId: string,
  from: number,
  to: number = Number.MAX_SAFE_INTEGER,
  db: ConsoleDatabase = consoleDb(),
): Promise<OnAirPlay[]> {
  return withDb(db, () =>
    db.onAirPlays.where('[userId+startedAt]').between([userId, from], [userId, to], true, true).toArray(),
  );
}
