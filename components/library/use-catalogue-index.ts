'use client';
import { useEffect, useRef, useState } from 'react';
import type { TrackSort } from '@/lib/domain/track-query';
import type { Track } from '@/lib/domain/types';
import type { TrackSearchIndex } from '@/lib/search/track-index';

/** Past this many changed tracks a fresh build is simpler than patching. */
const MAX_PATCH = 200;

export interface CatalogueIndexState {
  /** The last complete index (kept while a newer catalogue is being indexed); null before the first. */
  index: TrackSearchIndex | null;
  /** Bumps when the index answers differently for the same query (a patch or a rebuild). */
  version: number;
  /** 0..1 while a build runs, 1 otherwise. */
  progress: number;
}

/**
 * Keeps a search index in step with the cached catalogue. TanStack's structural sharing keeps
 * unchanged tracks as the same objects across refetches and rating patches, so a change is found
 * by reference and patched in (counters only); anything else is re-indexed in idle time.
 */
export function useCatalogueIndex(tracks: Track[] | undefined, sort: TrackSort): CatalogueIndexState {
  const [state, setState] = useState<CatalogueIndexState>({ index: null, version: 0, progress: 0 });
  const built = useRef<{ tracks: Track[]; index: TrackSearchIndex } | null>(null);
  const sortRef = useRef(sort);
  sortRef.current = sort;

  useEffect(() => {
    if (!tracks) return;
    const previous = built.current;
    if (previous?.tracks === tracks) return;
    if (previous && previous.tracks.length === tracks.length) {
      const changed: Track[] = [];
      for (let i = 0; i < tracks.length && changed.length <= MAX_PATCH; i += 1) {
        if (tracks[i] !== previous.tracks[i]) changed.push(tracks[i]!);
      }
      if (changed.length <= MAX_PATCH && tracks.every((t, i) => t.id === previous.tracks[i]!.id) && previous.index.replace(changed)) {
        built.current = { tracks, index: previous.index };
        setState((s) => ({ ...s, version: s.version + 1 }));
        return;
      }
    }
    const controller = new AbortController();
    setState((s) => ({ ...s, progress: 0 }));
    // MiniSearch and the index code load after the first paint (server pages stand in meanwhile).
    import('@/lib/search/build').then(({ buildTrackIndex }) =>
      buildTrackIndex(tracks, {
        signal: controller.signal,
        sorts: [sortRef.current],
        onProgress: (progress) => setState((s) => (progress - s.progress >= 0.05 ? { ...s, progress } : s)),
      }),
    ).then(
      (index) => {
        built.current = { tracks, index };
        setState((s) => ({ index, version: s.version + 1, progress: 1 }));
      },
      () => undefined, // aborted: a newer catalogue took over
    );
    return () => controller.abort();
  }, [tracks]);

  return state;
}
