'use client';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Track } from '@/lib/domain/types';
import { catalogueOptions } from '@/lib/query/catalogue';
import { prefetchTrackDetail, trackListOptions } from '@/lib/query/tracks';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { SortSelect, TrackFiltersBar } from './track-filters';
import { useCatalogueIndex } from './use-catalogue-index';
import { useTrackFilters } from './use-track-filters';
import { useTrackList } from './lazy-track-list';
import { queueAround, type TrackSource } from './track-source';
import { useBindDownloadsToMember } from '@/lib/offline/downloads/use-downloads';
import { usePlayableTrack } from '@/components/player/use-playable';
import { player } from '@/lib/player/store';
import styles from './library.module.css';

const count = (n: number) => (n === 1 ? '1 track' : `${n.toLocaleString('en')} tracks`);

/**
 * The promo pool. Two sources, one ordering: server pages (`/api/tracks`) paint first and stand in
 * while the catalogue loads and is indexed; from then on the local index answers every keystroke
 * and filter, online or not. Both order by the same sort field with ties by id (lib/search/order.ts).
 */
export function LibraryView() {
  useBindDownloadsToMember();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useTrackFilters();
  const [search, setSearch] = useState(filters.search ?? '');

  // Back / forward (or a shared link) changes the URL's search: follow it.
  useEffect(() => {
    setSearch((current) => (current.trim() === (filters.search ?? '') ? current : (filters.search ?? '')));
  }, [filters.search]);

  const catalogue = useQuery(catalogueOptions());
  const { index, version, progress } = useCatalogueIndex(catalogue.data?.tracks, filters.sort);
  const local = index !== null;

  const server = useInfiniteQuery({ ...trackListOptions(filters), enabled: !local });

  const results = useMemo(
    () => (index ? index.search({ ...filters, search }) : null),
    // `version` re-runs the search when the index is patched in place.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [index, version, filters, search],
  );

  const serverTracks = useMemo(() => server.data?.pages.flatMap((page) => page.items) ?? [], [server.data]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = server;
  const loadMore = useCallback(() => {
    if (!isFetchingNextPage) void fetchNextPage();
  }, [isFetchingNextPage, fetchNextPage]);

  const source: TrackSource | null = results
    ? { count: results.length, at: (i) => results.at(i) }
    : server.isSuccess
      ? { count: serverTracks.length, at: (i) => serverTracks[i], hasMore: hasNextPage, loadMore }
      : null;
  const total = results ? results.length : (server.data?.pages[0]?.total ?? 0);

  // The seed is dated with the fetch of the list it comes from, so a stale copy still refetches.
  const updatedAt = local ? catalogue.dataUpdatedAt : server.dataUpdatedAt;
  const onIntent = useCallback(
    (track: Track) => void prefetchTrackDetail(queryClient, track.id, { track, updatedAt }),
    [queryClient, updatedAt],
  );

  const playable = usePlayableTrack();
  const playAll = source && source.count > 0 ? () => player.playAll(queueAround(source, 0, playable)) : null;

  const list = useTrackList();
  const listShown = source !== null && (source.count === 0 || list.TrackList !== null);
  const ready = listShown || server.isError;
  return (
    <section aria-labelledby="library-title" data-app-ready={ready ? 'true' : undefined} data-search-source={local ? 'local' : 'server'}>
      <div className={styles.heading}>
        <h1 id="library-title">Promo pool</h1>
        <div className={`muted ${styles.status}`}>
          {source && <span data-testid="track-count" aria-live="polite">{count(total)}</span>}
          {local ? (
            <span className="chip" title="Search and filters run on this device, offline too">Offline search</span>
          ) : catalogue.isSuccess ? (
            <span>
              <progress className={styles.progress} max={1} value={progress} aria-label="Indexing the catalogue" /> Indexing…
            </span>
          ) : null}
          <SortSelect sort={filters.sort} onChange={setFilters} />
          {playAll && (
            <button type="button" className="button" onClick={playAll} data-testid="play-all">
              ▶ Play all
            </button>
          )}
        </div>
      </div>
      <TrackFiltersBar filters={filters} onChange={setFilters} search={search} onSearchChange={setSearch} />
      {!listShown && !server.isError && !list.error && <LoadingState>Loading tracks…</LoadingState>}
      {list.error && (
        <ErrorState error={new Error('The track list could not load. Check the connection and try again.')} onRetry={list.retry} />
      )}
      {!local && server.isError && (
        <ErrorState error={server.error} onRetry={() => void server.refetch()}>
          {catalogue.isPending && <p>The catalogue is still loading; search will work offline once it is saved.</p>}
        </ErrorState>
      )}
      {source && source.count === 0 && (
        <EmptyState title="No track matches">
          <p>Try fewer words, another spelling, or clear the filters.</p>
        </EmptyState>
      )}
      {source && source.count > 0 && list.TrackList && (
        <list.TrackList source={source} label="Tracks" onIntent={onIntent} playable={playable} />
      )}
    </section>
  );
}
