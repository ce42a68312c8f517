'use client';
import { memo, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { CAMELOT_KEYS, ENERGY_LABELS, ENERGY_LEVELS, GENRES, type EnergyLevel, type Genre } from '@/lib/domain/enums';
import type { TrackSort } from '@/lib/domain/track-query';
import type { TrackFilters } from '@/lib/query/tracks';
import styles from './library.module.css';

const SEARCH_DEBOUNCE_MS = 250;
const SORT_LABELS: Record<TrackSort, string> = { newest: 'Newest', downloads: 'Most downloaded', rating: 'Top rated' };

function toBpm(value: string): number | undefined {
  const n = Number(value);
  return value && Number.isInteger(n) && n >= 40 && n <= 250 ? n : undefined;
}

/**
 * The search text is the caller's state (the local index answers every keystroke); the URL follows
 * it after a short pause, so history is not flooded with one entry per letter.
 */
export const TrackFiltersBar = memo(function TrackFiltersBar({
  filters, onChange, search, onSearchChange,
}: {
  filters: TrackFilters;
  onChange: (patch: Partial<TrackFilters>) => void;
  search: string;
  onSearchChange: (search: string) => void;
}) {
  useEffect(() => {
    if ((filters.search ?? '') === search.trim()) return;
    const timer = setTimeout(() => onChange({ search: search.trim() || undefined }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [search, filters.search, onChange]);

  // The BPM inputs are uncontrolled (applied together on blur / Enter); "Clear filters" remounts them.
  const [bpmGeneration, setBpmGeneration] = useState(0);
  const active = Boolean(filters.genre || filters.energy || filters.key || filters.bpmMin || filters.bpmMax || filters.vipOnly || filters.offlineOnly || search);

  return (
    <div className={styles.filters} role="search">
      <input
        className={`input ${styles.search}`}
        type="search"
        placeholder="Search title, artist, label, genre"
        aria-label="Search tracks"
        value={search}
        onChange={(e) => onSearchChange(e.target.value)}
        enterKeyHint="search"
        autoComplete="off"
        autoCorrect="off"
        spellCheck={false}
      />
      <select className="select" aria-label="Genre" value={filters.genre ?? ''} onChange={(e) => onChange({ genre: (e.target.value || undefined) as Genre | undefined })}>
        <option value="">All genres</option>
        {GENRES.map((g) => <option key={g} value={g}>{g}</option>)}
      </select>
      <select className="select" aria-label="Energy" value={filters.energy ?? ''} onChange={(e) => onChange({ energy: (e.target.value || undefined) as EnergyLevel | undefined })}>
        <option value="">Any energy</option>
        {ENERGY_LEVELS.map((level) => <option key={level} value={level}>{ENERGY_LABELS[level]}</option>)}
      </select>
      <select className="select" aria-label="Key" value={filters.key ?? ''} onChange={(e) => onChange({ key: e.target.value || undefined })}>
        <option value="">Any key</option>
        {CAMELOT_KEYS.map((k) => <option key={k} value={k}>{k}</option>)}
      </select>
      <BpmRange key={bpmGeneration} min={filters.bpmMin} max={filters.bpmMax} onChange={onChange} />
      <label className={styles.toggle}>
        <input type="checkbox" checked={filters.vipOnly ?? false} onChange={(e) => onChange({ vipOnly: e.target.checked || undefined })} />
        VIP only
      </label>
      <label className={styles.toggle} title="Only the tracks downloaded on this device">
        <input type="checkbox" checked={filters.offlineOnly ?? false} onChange={(e) => onChange({ offlineOnly: e.target.checked || undefined })} />
        Available offline
      </label>
      {active && (
        <button
          type="button"
          className={`button button-ghost ${styles.clear}`}
          onClick={() => {
            onSearchChange('');
            setBpmGeneration((g) => g + 1);
            onChange({ search: undefined, genre: undefined, energy: undefined, key: undefined, bpmMin: undefined, bpmMax: undefined, vipOnly: undefined, offlineOnly: undefined });
          }}
        >
          Clear filters
        </button>
      )}
    </div>
  );
});

function BpmRange({ min, max, onChange }: { min?: number; max?: number; onChange: (patch: Partial<TrackFilters>) => void }) {
  const minRef = useRef<HTMLInputElement>(null);
  const maxRef = useRef<HTMLInputElement>(null);
  // Both bounds are applied together, so a quick min-then-max entry never loses the first one.
  const apply = () => onChange({ bpmMin: toBpm(minRef.current?.value ?? ''), bpmMax: toBpm(maxRef.current?.value ?? '') });
  const onKeyDown = (e: KeyboardEvent) => e.key === 'Enter' && apply();
  return (
    <span className={styles.bpm}>
      <input ref={minRef} className="input" inputMode="numeric" aria-label="Minimum BPM" placeholder="BPM min" defaultValue={min ?? ''} onBlur={apply} onKeyDown={onKeyDown} />
      <input ref={maxRef} className="input" inputMode="numeric" aria-label="Maximum BPM" placeholder="max" defaultValue={max ?? ''} onBlur={apply} onKeyDown={onKeyDown} />
    </span>
  );
}

export function SortSelect({ sort, onChange }: { sort: TrackSort; onChange: (patch: Partial<TrackFilters>) => void }) {
  return (
    <select className="select" aria-label="Sort" value={sort} onChange={(e) => onChange({ sort: e.target.value as TrackSort })}>
      {Object.entries(SORT_LABELS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
    </select>
  );
}
