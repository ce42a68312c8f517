'use client';
// The track list's virtualizer (@tanstack/react-virtual) is a tenth of the scripts the console's
// first page loads, and rows only exist once data does (restored from IndexedDB or fetched, both
// after hydration). So the list is its own chunk, asked for when the view mounts: it loads in
// parallel with the data. The worker precaches it, so it loads offline too.
import { useCallback, useEffect, useState } from 'react';
import type { VirtualTrackList } from './virtual-track-list';

type ListModule = typeof import('./virtual-track-list');

let loaded: ListModule | null = null;
let loading: Promise<ListModule> | null = null;

function loadTrackList(): Promise<ListModule> {
  loading ??= import('./virtual-track-list').then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = null; // "Try again" asks once more
      throw error;
    },
  );
  return loading;
}

export interface TrackListLoad {
  /** The list component once its chunk is in, else null. */
  TrackList: typeof VirtualTrackList | null;
  error: Error | null;
  retry: () => void;
}

/** Starts loading the list's chunk on mount; re-renders when it is in (or failed). */
export function useTrackList(): TrackListLoad {
  const [module, setModule] = useState<ListModule | null>(loaded);
  const [error, setError] = useState<Error | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (module) return;
    let current = true;
    loadTrackList().then(
      (next) => current && setModule(next),
      (failure: unknown) => current && setError(failure instanceof Error ? failure : new Error(String(failure))),
    );
    return () => {
      current = false;
    };
  }, [module, attempt]);
  const retry = useCallback(() => {
    setError(null);
    setAttempt((n) => n + 1);
  }, []);
  return { TrackList: module?.VirtualTrackList ?? null, error, retry };
}
