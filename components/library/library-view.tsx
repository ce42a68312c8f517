'use client';
import { useInfiniteQuery } from '@tanstack/react-query';
import { trackListOptions } from '@/lib/query/tracks';
import { TrackFiltersBar } from './track-filters';
import { TrackRow } from './track-row';
import { useTrackFilters } from './use-track-filters';
import styles from './library.module.css';

export function LibraryView() {
  const [filters, setFilters] = useTrackFilters();
  const query = useInfiniteQuery(trackListOptions(filters));
  const tracks = query.data?.pages.flatMap((page) => page.items) ?? [];
  const total = query.data?.pages[0]?.total ?? 0;

  return (
    <section aria-labelledby="library-title" data-app-ready={query.isSuccess || query.isError ? 'true' : undefined}>
      <div className={styles.heading}>
        <h1 id="library-title">Promo pool</h1>
        {query.isSuccess && <p className="muted" aria-live="polite">{total === 1 ? '1 track' : `${total} tracks`}</p>}
      </div>
      <TrackFiltersBar filters={filters} onChange={setFilters} />
      {query.isPending && <p className="muted">Loading tracks…</p>}
      {query.isError && (
        <p role="alert" className="alert alert-error">
          {query.error.message}{' '}
          <button type="button" className="button" onClick={() => void query.refetch()}>Try again</button>
        </p>
      )}
      {query.isSuccess && tracks.length === 0 && <p className="alert alert-info">No track matches these filters.</p>}
      <ul className={styles.list} aria-label="Tracks">
        {tracks.map((track) => <TrackRow key={track.id} track={track} />)}
      </ul>
      {query.hasNextPage && (
        <button type="button" className={`button ${styles.more}`} disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
          {query.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </button>
      )}
    </section>
  );
}
