'use client';
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useMemo, useState } from 'react';
import type { Track } from '@/lib/domain/types';
import { catalogueOptions } from '@/lib/query/catalogue';
import { normalizeText } from '@/lib/search/text';
import styles from './sessions.module.css';

const MAX_RESULTS = 8;

/** Finds a catalogue track by title or artist in the cached catalogue: works with no network. */
export function TrackPicker({ label, actionLabel, onPick, onCancel }: { label: string; actionLabel: string; onPick: (track: Track) => void; onCancel?: () => void }) {
  const catalogue = useQuery(catalogueOptions());
  const [text, setText] = useState('');
  const search = useDeferredValue(normalizeText(text.trim()));
  const results = useMemo(() => {
    const tracks = catalogue.data?.tracks ?? [];
    if (search.length < 2) return [];
    const words = search.split(/\s+/);
    const out: Track[] = [];
    for (const track of tracks) {
      const haystack = normalizeText(`${track.title} ${track.artist} ${track.labelName ?? ''}`);
      if (words.every((word) => haystack.includes(word))) out.push(track);
      if (out.length >= MAX_RESULTS) break;
    }
    return out;
  }, [catalogue.data, search]);

  return (
    <div className={styles.picker} data-testid="track-picker">
      <div className={styles.pickerBar}>
        <input
          className="input"
          type="search"
          aria-label={label}
          placeholder="Title or artist"
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoFocus
        />
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      {catalogue.isPending && <p className="muted">Loading the catalogue…</p>}
      {catalogue.isError && !catalogue.data && <p className="field-error">The catalogue is not on this device yet: open the library once online.</p>}
      {search.length >= 2 && results.length === 0 && catalogue.data && <p className="muted">No track found.</p>}
      {results.length > 0 && (
        <ul className={styles.results}>
          {results.map((track) => (
            <li key={track.id}>
              <span>
                <strong>{track.title}</strong> <span className="muted">· {track.artist}</span>
              </span>
              <button type="button" className="button" onClick={() => onPick(track)} aria-label={`${actionLabel} ${track.title}`}>
                {actionLabel}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
