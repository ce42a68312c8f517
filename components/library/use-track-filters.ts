'use client';
import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { trackListQuerySchema } from '@/lib/domain/track-query';
import type { TrackFilters } from '@/lib/query/tracks';
import { trackListSearchParams } from '@/lib/query/tracks';

const FILTER_NAMES = ['search', 'genre', 'energy', 'bpmMin', 'bpmMax', 'key', 'vipOnly', 'sort'] as const;

/** Library filters live in the URL, so they survive reloads, back / forward and sharing. */
export function useTrackFilters(): [TrackFilters, (patch: Partial<TrackFilters>) => void] {
  const pathname = usePathname();
  const searchParams = useSearchParams();

  const filters = useMemo<TrackFilters>(() => filtersFrom(searchParams), [searchParams]);

  const setFilters = useCallback(
    (patch: Partial<TrackFilters>) => {
      // From the address bar itself, not the last render: two quick changes (a genre, then a sort)
      // must both survive even when the second comes before React has re-rendered the first.
      const current = filtersFrom(new URLSearchParams(window.location.search));
      const next = trackListSearchParams({ ...current, ...patch, pageSize: undefined }, 1);
      next.delete('page');
      if (next.get('sort') === 'newest') next.delete('sort');
      const query = next.toString();
      // The native History API (which Next's router observes, so useSearchParams follows) rather
      // than router.replace: no RSC round trip per filter change, so filtering works offline.
      window.history.replaceState(null, '', query ? `${pathname}?${query}` : pathname);
    },
    [pathname],
  );

  return [filters, setFilters];
}

function filtersFrom(searchParams: Pick<URLSearchParams, 'get'>): TrackFilters {
  const raw: Record<string, string> = {};
  for (const name of FILTER_NAMES) {
    const value = searchParams.get(name);
    if (value) raw[name] = value;
  }
  const parsed = trackListQuerySchema.safeParse(raw);
  const { page: _page, ...rest } = parsed.success ? parsed.data : trackListQuerySchema.parse({});
  return rest;
}
