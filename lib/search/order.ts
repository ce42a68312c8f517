// The promo pool's orderings, as the server pages them: the sort field descending, ties broken by
// id descending (the embedded backend's `ORDER BY sort_key DESC, id DESC`), missing values last.
// The local index sorts with these so switching between server paging and the local index never
// reorders the same tracks.
import type { TrackSort } from '@/lib/domain/track-query';
import type { Track } from '@/lib/domain/types';

type SortValue = (track: Track) => number | string | null;

const SORT_VALUE: Record<TrackSort, SortValue> = {
  newest: (t) => t.createdAt,
  downloads: (t) => t.downloadCount,
  rating: (t) => t.averageRating,
};

/** Negative when `a` comes first. */
export function compareTracks(sort: TrackSort, a: Track, b: Track): number {
  const value = SORT_VALUE[sort];
  const va = value(a);
  const vb = value(b);
  if (va !== vb) {
    if (va === null) return 1;
    if (vb === null) return -1;
    return va > vb ? -1 : 1;
  }
  return a.id === b.id ? 0 : a.id > b.id ? -1 : 1;
}

/** Positions of `tracks` in `sort` order (the tracks array itself is left alone). */
export function sortedPositions(tracks: readonly Track[], sort: TrackSort): Int32Array {
  // The same order as compareTracks, on keys read once (not twice per comparison).
  const value = SORT_VALUE[sort];
  const keys = tracks.map(value);
  const ids = tracks.map((t) => t.id);
  const order = Int32Array.from(tracks.keys());
  return order.sort((a, b) => {
    const va = keys[a]!;
    const vb = keys[b]!;
    if (va !== vb) {
      if (va === null) return 1;
      if (vb === null) return -1;
      return va > vb ? -1 : 1;
    }
    const ia = ids[a]!;
    const ib = ids[b]!;
    return ia === ib ? 0 : ia > ib ? -1 : 1;
  });
}
