'use client';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { Track } from '@/lib/domain/types';
import { catalogueOptions } from '@/lib/query/catalogue';
import { prefetchTrackDetail, trackListOptions } from '@/lib/query/tracks';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { SortSelect, TrackFiltersBar } from './track-filters';
import { useCatalogueIndex } from './use-catalogue-index';
import { useTrackFilters } from './use-track-filters';
import { useTrackList } from './lazy-track-list';
import { IndexingProgress } from './indexing-progress';
import { TrackListColumns } from './track-list-columns';
import { keepRows, queueAround, sameRows, type TrackSource } from './track-source';
import { useBindDownloadsToMember, useDownloadedIds } from '@/lib/offline/downloads/use-downloads';
import { usePlayableTrack } from '@/components/player/use-playable';
import { player } from '@/lib/player/store';
import { useRenderCount } from '@/lib/perf/render-count';
import styles from './library.module.css';
import { formatCount } from '@/lib/format/numbers';

const count = (n: number) => (n === 1 ? '1 track' : `${formatCount(n)} tracks`);

/**
 * The promo pool. Two sources, one ordering: server pages (`/api/tracks`) paint first and stand in
 * while the catalogue loads and is indexed; from then on the local index answers every keystroke
 * and filter, online or not. Both order by the same sort field with ties by id (lib/search/order.ts).
 */
export function LibraryView() {
  useRenderCount('LibraryView');
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
  // Stable, so a source's identity changes only with its rows.
  const fetchingNextPage = useRef(isFetchingNextPage);
  fetchingNextPage.current = isFetchingNextPage;
  const loadMore = useCallback(() => {
    if (!fetchingNextPage.current) void fetchNextPage();
  }, [fetchNextPage]);

  const serverSuccess = server.isSuccess;
  const offlineOnly = filters.offlineOnly === true;
  const downloadedIds = useDownloadedIds(offlineOnly);
  const fresh = useMemo<TrackSource | null>(() => {
    const all: TrackSource | null = results
      ? { count: results.length, at: (i) => results.at(i) }
      : serverSuccess
        ? { count: serverTracks.length, at: (i) => serverTracks[i], hasMore: hasNextPage, loadMore }
        : null;
    if (!offlineOnly || !all) return all;
    // "Available offline": nothing to show until the device's downloads are read.
    return downloadedIds ? keepRows(all, (track) => downloadedIds.has(track.id)) : null;
  }, [results, serverSuccess, serverTracks, hasNextPage, loadMore, offlineOnly, downloadedIds]);
  // Server pages, then the catalogue's index, often answer with the same rows: the list keeps its
  // source then, and does not render again for nothing.
  const kept = useRef<TrackSource | null>(null);
  const source = fresh && kept.current && sameRows(kept.current, fresh) ? kept.current : fresh;
  useEffect(() => {
    kept.current = source;
  }, [source]);
  // The list follows data at a lower priority (interruptible, time-sliced); typing stays urgent.
  const listSource = useDeferredValue(source);
  const total = offlineOnly || results ? (source?.count ?? 0) : (server.data?.pages[0]?.total ?? 0);

  // The seed is dated with the fetch of the list it comes from, so a stale copy still refetches.
  // Read when a row is hovered, so the rows' callback stays the same when the source switches.
  const updatedAt = useRef(0);
  updatedAt.current = local ? catalogue.dataUpdatedAt : server.dataUpdatedAt;
  const router = useRouter();
  // Routes and data are fetched on intent (hover, focus, touch), not for every row in view.
  const onIntent = useCallback(
    (track: Track) => {
      router.prefetch(`/tracks/${track.id}`);
      void prefetchTrackDetail(queryClient, track.id, { track, updatedAt: updatedAt.current });
    },
    [router, queryClient],
  );

  const playable = usePlayableTrack();
  const canPlayAll = source !== null && source.count > 0;
  const playAll = useCallback(() => {
    if (source && source.count > 0) player.playAll(queueAround(source, 0, playable));
  }, [source, playable]);

  const list = useTrackList();
  const listShown = listSource !== null && (listSource.count === 0 || list.TrackList !== null);
  const ready = listShown || server.isError;
  const loading = !listShown && !server.isError && !list.error;
  return (
    <section aria-labelledby="library-title" data-app-ready={ready ? 'true' : undefined} data-search-source={local ? 'local' : 'server'}>
      <div className={styles.heading}>
        <h1 id="library-title">Promo pool</h1>
        {/* Every slot is there from the first paint, sized for what arrives later: no shift. */}
        <div className={`muted ${styles.status}`}>
          <span className={styles.count} data-testid={source ? 'track-count' : undefined} aria-live="polite">
            {source ? count(total) : ''}
          </span>
          <span className={styles.indicator}>
            {local ? (
              <span className="chip" title="Search and filters run on this device, offline too">Offline search</span>
            ) : catalogue.isSuccess ? (
              <IndexingProgress progress={progress} />
            ) : null}
          </span>
          <SortSelect sort={filters.sort} onChange={setFilters} />
          <button
            type="button"
            className={`button ${styles.playAll} ${canPlayAll ? '' : styles.reserved}`}
            onClick={playAll}
            disabled={!canPlayAll}
            aria-hidden={canPlayAll ? undefined : true}
            data-testid={canPlayAll ? 'play-all' : undefined}
          >
            ▶ Play all
          </button>
        </div>
      </div>
      <TrackFiltersBar filters={filters} onChange={setFilters} search={search} onSearchChange={setSearch} />
      <div className={styles.listArea}>
        {/* In the first paint already (over the loading state): inserted with the rows, it would be
            new style work when the list measures where it starts (a forced recalc at start-up). */}
        {!list.error && !(!local && server.isError) && !(listSource && listSource.count === 0) && <TrackListColumns />}
        {loading && <LoadingState>Loading tracks…</LoadingState>}
        {list.error && (
          <ErrorState error={new Error('The track list could not load. Check the connection and try again.')} onRetry={list.retry} />
        )}
        {!local && server.isError && (
          <ErrorState error={server.error} onRetry={() => void server.refetch()}>
            {catalogue.isPending && <p>The catalogue is still loading; search will work offline once it is saved.</p>}
          </ErrorState>
        )}
        {listSource && listSource.count === 0 && (
          <EmptyState title="No track matches">
            <p>Try fewer words, another spelling, or clear the filters.</p>
          </EmptyState>
        )}
        {listSource && listSource.count > 0 && list.TrackList && (
          <list.TrackList source={listSource} label="Tracks" onIntent={onIntent} playable={playable} />
        )}
      </div>
    </section>
  );
}
