import { infiniteQueryOptions, queryOptions, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api/client';
import type { TrackListQuery } from '@/lib/domain/track-query';
import type { Page, Track } from '@/lib/domain/types';
import { CACHE_DURATIONS } from './durations';
import type { Catalogue } from './catalogue';
import { catalogueKeys, trackKeys } from './keys';

/** The library's filters: the server's query, and "available offline" (this device only). */
export type TrackFilters = Omit<TrackListQuery, 'page'> & { offlineOnly?: boolean };

/** What the server is asked: the filters without the ones only this device can answer. */
function serverQuery({ offlineOnly: _offlineOnly, ...query }: TrackFilters): Omit<TrackListQuery, 'page'> {
  return query;
}

export function trackListSearchParams(filters: Partial<TrackFilters>, page: number): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    if (value !== undefined && value !== '' && value !== false) params.set(name, String(value));
  }
  params.set('page', String(page));
  return params;
}

export function trackListOptions(filters: TrackFilters) {
  return infiniteQueryOptions({
    queryKey: trackKeys.list(serverQuery(filters)),
    queryFn: ({ pageParam, signal }) =>
      apiFetch<Page<Track>>(`/api/tracks?${trackListSearchParams(serverQuery(filters), pageParam)}`, { signal }),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
    staleTime: CACHE_DURATIONS.tracks,
  });
}

/** A track already in the cache (catalogue or a list page), with when that copy was fetched. */
export interface CachedTrack {
  track: Track;
  updatedAt: number;
}

/**
 * Looks for a track in the catalogue and the list pages, so its detail page can paint at once
 * from list data (as `initialData`, dated with the list's fetch time so it refetches when stale).
 */
export function findCachedTrack(queryClient: QueryClient, id: string): CachedTrack | undefined {
  const catalogue = queryClient.getQueryState<Catalogue>(catalogueKeys.all);
  const fromCatalogue = catalogue?.data?.tracks.find((t) => t.id === id);
  if (fromCatalogue) return { track: fromCatalogue, updatedAt: catalogue!.dataUpdatedAt };
  for (const query of queryClient.getQueryCache().findAll({ queryKey: trackKeys.lists() })) {
    const data = query.state.data as InfiniteData<Page<Track>> | undefined;
    const track = data?.pages.flatMap((page) => page.items).find((t) => t.id === id);
    if (track) return { track, updatedAt: query.state.dataUpdatedAt };
  }
  return undefined;
}

export function trackDetailOptions(id: string, seed?: CachedTrack) {
  return queryOptions({
    queryKey: trackKeys.detail(id),
    queryFn: ({ signal }) => apiFetch<Track>(`/api/tracks/${encodeURIComponent(id)}`, { signal }),
    staleTime: CACHE_DURATIONS.tracks,
    initialData: seed?.track,
    initialDataUpdatedAt: seed?.updatedAt,
  });
}

/** Warms a track's detail (hover, focus, touchstart on its row): seeded from lists, fetched only when stale. */
export function prefetchTrackDetail(queryClient: QueryClient, id: string, seed?: CachedTrack): Promise<void> {
  return queryClient.prefetchQuery(trackDetailOptions(id, seed ?? findCachedTrack(queryClient, id)));
}
