import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api/client';
import type { TrackListQuery } from '@/lib/domain/track-query';
import type { Page, Track } from '@/lib/domain/types';
import { CACHE_DURATIONS } from './durations';
import { trackKeys } from './keys';

export type TrackFilters = Omit<TrackListQuery, 'page'>;

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
    queryKey: trackKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      apiFetch<Page<Track>>(`/api/tracks?${trackListSearchParams(filters, pageParam)}`, { signal }),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
    staleTime: CACHE_DURATIONS.tracks,
  });
}

export function trackDetailOptions(id: string) {
  return queryOptions({
    queryKey: trackKeys.detail(id),
    queryFn: ({ signal }) => apiFetch<Track>(`/api/tracks/${encodeURIComponent(id)}`, { signal }),
    staleTime: CACHE_DURATIONS.tracks,
  });
}
