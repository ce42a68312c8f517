// Builds the track index in idle time: small slices between frames, so typing, scrolling and
// audio never stall while 50 000 tracks are indexed. Safari has no requestIdleCallback: there a
// zero-delay timer with a fixed time slice does the same job.
import type { TrackSort } from '@/lib/domain/track-query';
import type { Track } from '@/lib/domain/types';
import { TrackSearchIndex } from './track-index';

export interface BuildOptions {
  signal?: AbortSignal;
  onProgress?: (progress: number) => void;
  /** Sort orders to prepare before resolving (the one on screen). */
  sorts?: readonly TrackSort[];
  /** Sort orders to prepare in idle time after resolving, so picking another sort does not sort then. */
  laterSorts?: readonly TrackSort[];
  /** Longest a slice may run, in ms (also within a longer idle period). */
  sliceMs?: number;
}

const CHUNK = 250;

type Deadline = { timeRemaining(): number };

function nextSlice(run: (deadline: Deadline) => void, sliceMs: number): void {
  if (typeof requestIdleCallback === 'function') {
    // An idle period can last 50 ms: a slice keeps to `sliceMs` of it all the same, so a tap that
    // comes in the middle waits for little (and no slice counts as blocking time).
    requestIdleCallback(
      (idle) => {
        const end = performance.now() + Math.min(sliceMs, idle.timeRemaining());
        run({ timeRemaining: () => end - performance.now() });
      },
      { timeout: 200 },
    );
  } else {
    setTimeout(() => {
      const end = performance.now() + sliceMs;
      run({ timeRemaining: () => end - performance.now() });
    }, 0);
  }
}

/** Runs `work` in idle slices until it reports done; rejects when `signal` aborts. */
function inSlices(work: () => boolean, sliceMs: number, signal?: AbortSignal, onSlice?: () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const step = (deadline: Deadline) => {
      if (signal?.aborted) return reject(signal.reason);
      // At least one piece per slice, so a busy page still makes progress.
      let finished: boolean;
      do finished = work();
      while (!finished && deadline.timeRemaining() > 1);
      onSlice?.();
      if (finished) resolve();
      else nextSlice(step, sliceMs);
    };
    nextSlice(step, sliceMs);
  });
}

/** One bounded piece of sorting per call; true once every sort in `sorts` is prepared. */
function sortsInSteps(index: TrackSearchIndex, sorts: readonly TrackSort[]): () => boolean {
  const pending = [...sorts];
  // The sort order being computed, in steps too: 50 000 tracks sort in 0.2-0.5 s at once.
  let sorting: Generator<void, void, void> | null = null;
  return () => {
    if (sorting) {
      if (sorting.next().done) sorting = null;
    } else if (pending.length > 0) sorting = index.prepareInSteps(pending.shift()!);
    return sorting === null && pending.length === 0;
  };
}

export function buildTrackIndex(tracks: readonly Track[], options: BuildOptions = {}): Promise<TrackSearchIndex> {
  const { signal, onProgress, sorts = [], laterSorts = [], sliceMs = 8 } = options;
  const index = new TrackSearchIndex(tracks);
  const sortStep = sortsInSteps(index, sorts);
  const work = () => (index.ready ? sortStep() : (index.indexNext(CHUNK), false));
  return inSlices(work, sliceMs, signal, () => onProgress?.(index.progress)).then(() => {
    const rest = laterSorts.filter((sort) => !sorts.includes(sort));
    // Best effort: an abort (a newer catalogue) or a replace() only means a later sort is computed on demand.
    if (rest.length > 0) inSlices(sortsInSteps(index, rest), sliceMs, signal).catch(() => undefined);
    return index;
  });
}
