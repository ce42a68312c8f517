'use client';
import { startTransition, useEffect, useRef, useState } from 'react';
import { TRACK_SORTS, type TrackSort } from '@/lib/domain/track-sorts';
import type { Track } from '@/lib/domain/types';
import type { TrackSearchIndex } from '@/lib/search/track-index';
import { createIndexProgress, type IndexProgress } from './index-progress';

/** Past this many changed tracks a fresh build is simpler than patching. */
const MAX_PATCH = 200;

interface IndexState {
  /** The last complete index (kept while a newer catalogue is being indexed); null before the first. */
  index: TrackSearchIndex | null;
  /** Bumps when the index answers differently for the same query (a patch or a rebuild). */
  version: number;
}

export interface CatalogueIndexState extends IndexState {
  /** The running build's progress (its own store: a tick does not re-render the caller). */
  progress: IndexProgress;
}

/**
 * Keeps a search index in step with the cached catalogue. TanStack's structural sharing keeps
 * unchanged tracks as the same objects across refetches and rating patches, so a change is found
 * by reference and patched in (counters only); anything else is re-indexed in idle time.
 */
export function useCatalogueIndex(tracks: Track[] | undefined, sort: TrackSort): CatalogueIndexState {
  const [state, setState] = useState<IndexState>({ index: null, version: 0 });
  const [progress] = useState(createIndexProgress);
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
        startTransition(() => setState((s) => ({ ...s, version: s.version + 1 })));
        return;
      }
    }
    const controller = new AbortController();
    progress.set(0);
    // MiniSearch and the index code load after the first paint (server pages stand in meanwhile).
    import('@/lib/search/build').then(({ buildTrackIndex }) =>
      buildTrackIndex(tracks, {
        signal: controller.signal,
        sorts: [sortRef.current],
        laterSorts: TRACK_SORTS,
        onProgress: progress.set,
      }),
    ).then(
      (index) => {
        built.current = { tracks, index };
        progress.set(1);
        // A transition: the switch to local results renders in slices, input stays answered.
        startTransition(() => setState((s) => ({ index, version: s.version + 1 })));
      },
      () => undefined, // aborted: a newer catalogue took over
    );
    return () => controller.abort();
  }, [tracks, progress]);

  return { ...state, progress };
}
