// What a set holds: the on-air plays of its time window (the decks and the mini player record
// them, lib/sessions/on-air-log.ts), plus the tracks the DJ added, minus those removed, with
// corrections applied. Pure: the live view and the end of the set use the same function.
import type { DjSetRow, OnAirPlayRow, SetEntry } from '@/lib/offline/db';
import { ON_AIR_THRESHOLD_MS } from './on-air-log';

type SetEdits = Pick<DjSetRow, 'userId' | 'startedAt' | 'endedAt' | 'added' | 'removed' | 'corrections'>;

/** The plays that belong to the set: this DJ's, on air for long enough, started in its window. */
export function playsInSet(set: SetEdits, plays: readonly OnAirPlayRow[], now: number): OnAirPlayRow[] {
  const end = set.endedAt ?? now;
  return plays.filter(
    (play) => play.userId === set.userId && play.startedAt >= set.startedAt && play.startedAt <= end && play.audibleMs >= ON_AIR_THRESHOLD_MS,
  );
}

export function assembleSet(set: SetEdits, plays: readonly OnAirPlayRow[], now: number): SetEntry[] {
  const removed = new Set(set.removed);
  const fromDecks: SetEntry[] = playsInSet(set, plays, now).map((play) => ({
    ref: play.id,
    source: play.source,
    trackId: play.trackId,
    title: play.title,
    artist: play.artist,
    producerId: play.producerId,
    playedAt: play.startedAt,
    corrected: false,
  }));
  const byHand: SetEntry[] = set.added.map((entry) => ({
    ref: entry.id,
    source: 'added',
    trackId: entry.trackId,
    title: entry.title,
    artist: entry.artist,
    producerId: entry.producerId,
    playedAt: entry.playedAt,
    corrected: false,
  }));
  return [...fromDecks, ...byHand]
    .filter((entry) => !removed.has(entry.ref))
    .map((entry) => {
      const correction = set.corrections[entry.ref];
      return correction ? { ...entry, ...correction, corrected: true } : entry;
    })
    .sort((a, b) => a.playedAt - b.playedAt || a.ref.localeCompare(b.ref));
}
