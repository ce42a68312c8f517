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
  return new Promise((resolve, reject) => {
    const step = (deadline: Deadline) => {
      if (signal?.aborted) return reject(signal.reason);
      // At least one chunk per slice, so a busy page still makes progress.
      do {
        if (!index.ready) index.indexNext(CHUNK);
        else if (pendingSorts.length > 0) index.prepare(pendingSorts.shift()!);
        else break;
      } while (deadline.timeRemaining() > 1);
      onProgress?.(index.progress);
      if (index.ready && pendingSorts.length === 0) resolve(index);
      else nextSlice(step, sliceMs);
    };
    nextSlice(step, sliceMs);
  });
}
