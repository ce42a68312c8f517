import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api/client';
import type { CatalogueSnapshot } from '@/lib/domain/types';
import { CACHE_DURATIONS } from './durations';
import { catalogueKeys } from './keys';

export type Catalogue = CatalogueSnapshot;

/**
 * Every approved track, fetched once and kept (and persisted) for the library's offline search.
 * A rating patches the cached copy in place (see ratings.ts) instead of refetching it whole.
 */
export function catalogueOptions() {
  return queryOptions({
    queryKey: catalogueKeys.all,
    queryFn: ({ signal }) => apiFetch<Catalogue>('/api/catalogue', { signal }),
    staleTime: CACHE_DURATIONS.tracks,
  });
}
