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
  /** Longest a slice may run, in ms, when the browser gives no idle deadline. */
  sliceMs?: number;
}

const CHUNK = 250;

type Deadline = { timeRemaining(): number };

function nextSlice(run: (deadline: Deadline) => void, sliceMs: number): void {
  if (typeof requestIdleCallback === 'function') {
    requestIdleCallback((deadline) => run(deadline), { timeout: 200 });
  } else {
    setTimeout(() => {
      const end = performance.now() + sliceMs;
      run({ timeRemaining: () => end - performance.now() });
    }, 0);
  }
}

export function buildTrackIndex(tracks: readonly Track[], options: BuildOptions = {}): Promise<TrackSearchIndex> {
  const { signal, onProgress, sorts = [], sliceMs = 8 } = options;
  const index = new TrackSearchIndex(tracks);
  const pendingSorts = [...sorts];
  // The sort order being computed, in steps too: 50 000 tracks sort in 0.2-0.5 s at once.
  let sorting: Generator<void, void, void> | null = null;
  const done = () => index.ready && sorting === null && pendingSorts.length === 0;
  return new Promise((resolve, reject) => {
    const step = (deadline: Deadline) => {
      if (signal?.aborted) return reject(signal.reason);
      // At least one chunk per slice, so a busy page still makes progress.
      do {
        if (!index.ready) index.indexNext(CHUNK);
        else if (sorting) {
          if (sorting.next().done) sorting = null;
        } else if (pendingSorts.length > 0) sorting = index.prepareInSteps(pendingSorts.shift()!);
        else break;
      } while (deadline.timeRemaining() > 1);
      onProgress?.(index.progress);
      if (done()) resolve(index);
      else nextSlice(step, sliceMs);
    };
    nextSlice(step, sliceMs);
  });
}
