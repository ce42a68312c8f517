'use client';
import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { filtersFromParams as filtersFrom } from '@/lib/query/filters-url';
import type { TrackFilters } from '@/lib/query/tracks';
import { trackListSearchParams } from '@/lib/query/tracks';

/**
 * Library filters live in the URL, so they survive reloads, back / forward and sharing.
 * The controls read local state, updated first (optimistically); the URL follows. Next's
 * `useSearchParams` only catches up with `history.replaceState` a tick later, and a control bound
 * to it directly loses a click made in between (React puts the old value back).
 */
export function useTrackFilters(): [TrackFilters, (patch: Partial<TrackFilters>) => void] {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [filters, setLocalFilters] = useState<TrackFilters>(() => filtersFrom(searchParams));
  const latest = useRef(filters);
  // Queries this hook wrote that the router has not echoed back yet, oldest first.
  const ownWrites = useRef<string[]>([]);

  useEffect(() => {
    const query = searchParams.toString();
    const echoed = ownWrites.current.indexOf(query);
    if (echoed >= 0) {
      // Our own write coming back (possibly an older one overtaken by a newer): local state is ahead.
      ownWrites.current = ownWrites.current.slice(echoed + 1);
      return;
    }
    // Changed from outside (back / forward, a link to /library?genre=...): the URL wins.
    ownWrites.current = [];
    const fromUrl = filtersFrom(searchParams);
    latest.current = fromUrl;
    setLocalFilters(fromUrl);
  }, [searchParams]);

  const setFilters = useCallback(
    (patch: Partial<TrackFilters>) => {
      // From the latest local state, not the last render: two quick changes (a genre, then a sort)
      // must both survive even when the second comes before React has re-rendered the first.
      const merged = { ...latest.current, ...patch };
      const next = trackListSearchParams({ ...merged, pageSize: undefined }, 1);
      next.delete('page');
      if (next.get('sort') === 'newest') next.delete('sort');
      const query = next.toString();
      const normalised = filtersFrom(next);
      latest.current = normalised;
      setLocalFilters(normalised);
      if (query === new URLSearchParams(window.location.search).toString()) return;
      ownWrites.current.push(query);
      // The native History API (which Next's router observes, so useSearchParams follows) rather
      // than router.replace: no RSC round trip per filter change, so filtering works offline.
      window.history.replaceState(window.history.state, '', query ? `${pathname}?${query}` : pathname);
    },
    [pathname],
  );

  return [filters, setFilters];
}
