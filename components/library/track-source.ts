import type { Track } from '@/lib/domain/types';
import type { PlayerTrack } from '@/lib/player/types';

/** What a track list shows: the local index's results or the server's pages. */
export interface TrackSource {
  count: number;
  at: (index: number) => Track | undefined;
  /** Server paging: more rows exist beyond `count`. */
  hasMore?: boolean;
  loadMore?: () => void;
}

/** A row's play button queues the list around it: this many tracks before and after. */
const QUEUE_BEFORE = 50;
const QUEUE_AFTER = 200;

/** The playable tracks of `source` around `index` (the queue a row's play button starts). */
export function queueAround(source: TrackSource, index: number, playable: (track: Track) => PlayerTrack | null): PlayerTrack[] {
  const queue: PlayerTrack[] = [];
  const end = Math.min(source.count, index + QUEUE_AFTER);
  for (let i = Math.max(0, index - QUEUE_BEFORE); i < end; i += 1) {
    const track = source.at(i);
    const item = track ? playable(track) : null;
    if (item) queue.push(item);
  }
  return queue;
}

/** The rows of `source` that `keep` accepts, in order (a source of its own, without paging). */
export function keepRows(source: TrackSource, keep: (track: Track) => boolean): TrackSource {
  const rows: Track[] = [];
  for (let i = 0; i < source.count; i += 1) {
    const track = source.at(i);
    if (track && keep(track)) rows.push(track);
  }
  return { count: rows.length, at: (i) => rows[i] };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.is((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/** The same track, field for field (a track from a server page and its catalogue copy are equal). */
export function sameTrack(a: Track | undefined, b: Track | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const keys = Object.keys(a) as Array<keyof Track>;
  return keys.length === Object.keys(b).length && keys.every((key) => sameValue(a[key], b[key]));
}

/**
 * Whether two sources show the same rows in the same order, with the same paging: then the list
 * keeps the one it has (no re-render when the local index takes over from identical server pages).
 */
export function sameRows(a: TrackSource, b: TrackSource): boolean {
  if (a === b) return true;
  if (a.count !== b.count || Boolean(a.hasMore) !== Boolean(b.hasMore)) return false;
  if (a.hasMore && a.loadMore !== b.loadMore) return false;
  for (let i = 0; i < a.count; i += 1) if (!sameTrack(a.at(i), b.at(i))) return false;
  return true;
}
