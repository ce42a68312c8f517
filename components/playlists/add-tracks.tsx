'use client';
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import type { Track } from '@/lib/domain/types';
import { apiFetch } from '@/lib/api/client';
import type { Page } from '@/lib/domain/types';
import { CACHE_DURATIONS } from '@/lib/query/durations';
import { trackPickerKeys } from '@/lib/query/keys';
import { trackListSearchParams } from '@/lib/query/tracks';
import styles from './playlists.module.css';

const PAGE_SIZE = 8;

/** Finds tracks by title / artist / label / genre and adds them to the playlist. */
export function AddTracks({ trackIds, onAdd, disabled }: { trackIds: string[]; onAdd: (track: Track) => void; disabled?: boolean }) {
  const [text, setText] = useState('');
  const search = useDeferredValue(text.trim());
  const filters = { sort: 'newest' as const, pageSize: PAGE_SIZE, search };
  const results = useQuery({
    queryKey: trackPickerKeys.search(search),
    queryFn: ({ signal }) => apiFetch<Page<Track>>(`/api/tracks?${trackListSearchParams(filters, 1)}`, { signal }),
    enabled: search.length >= 2,
    staleTime: CACHE_DURATIONS.tracks,
    select: (page) => page.items,
  });
  return (
    <section className={styles.section} aria-labelledby="add-tracks-title">
      <h2 id="add-tracks-title">Add tracks</h2>
      <input className="input" type="search" aria-label="Find tracks to add" placeholder="Search the promo pool" value={text} onChange={(e) => setText(e.target.value)} />
      {results.isFetching && <p className="muted">Searching…</p>}
      {results.isError && <p className="field-error">{results.error.message}</p>}
      {results.data?.length === 0 && <p className="muted">No track found.</p>}
      {results.data && results.data.length > 0 && (
        <ul className={styles.results}>
          {results.data.map((track) => {
            const inside = trackIds.includes(track.id);
            return (
              <li key={track.id} className={styles.result}>
                <span>
                  <strong>{track.title}</strong> <span className="muted">· {track.artist}</span>
                </span>
                <button type="button" className="button" disabled={disabled || inside} onClick={() => onAdd(track)} aria-label={`Add ${track.title}`}>
                  {inside ? 'Added' : 'Add'}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
