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

/** Positions sorted per run before merging: a run's sort is a small, bounded piece of work. */
const RUN = 512;

/**
 * Positions of `tracks` in `sort` order (the tracks array itself is left alone), computed in
 * steps: each `next()` does a bounded piece of work (reading `chunk` keys, sorting one run of
 * positions, or merging `chunk` of them), so 50 000 tracks never sort in one long task. The
 * generator returns the order.
 */
export function* sortPositionsInSteps(tracks: readonly Track[], sort: TrackSort, chunk = 2048): Generator<void, Int32Array, void> {
  // The same order as compareTracks, on keys read once (not twice per comparison).
  const value = SORT_VALUE[sort];
  const n = tracks.length;
  const keys: Array<number | string | null> = new Array<number | string | null>(n);
  const ids: string[] = new Array<string>(n);
  for (let i = 0; i < n; i += 1) {
    keys[i] = value(tracks[i]!);
    ids[i] = tracks[i]!.id;
    if ((i + 1) % chunk === 0) yield;
  }
  const compare = (a: number, b: number): number => {
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
  };
  let from = new Int32Array(n);
  for (let i = 0; i < n; i += 1) from[i] = i;
  for (let start = 0; start < n; start += RUN) {
    from.subarray(start, Math.min(n, start + RUN)).sort(compare);
    if (start + RUN < n) yield;
  }
  // Bottom-up merges of neighbouring runs, `chunk` positions at a time.
  let to = new Int32Array(n);
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (k < hi) {
        const stop = Math.min(hi, k + chunk);
        while (k < stop) to[k++] = i < mid && (j >= hi || compare(from[i]!, from[j]!) <= 0) ? from[i++]! : from[j++]!;
        if (k < hi) yield;
      }
    }
    [from, to] = [to, from];
    yield;
  }
  return from;
}

/** Positions of `tracks` in `sort` order, all at once (tests, small catalogues, a sort changed by hand). */
export function sortedPositions(tracks: readonly Track[], sort: TrackSort): Int32Array {
  const steps = sortPositionsInSteps(tracks, sort, Number.MAX_SAFE_INTEGER);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
