'use client';
import { useSyncExternalStore } from 'react';
import type { IndexProgress } from './index-progress';
import styles from './library.module.css';

/** The "Indexing…" bar: the only part of the library that re-renders on a progress tick. */
export function IndexingProgress({ progress }: { progress: IndexProgress }) {
  const value = useSyncExternalStore(progress.subscribe, progress.get, progress.get);
  return (
    <span className={styles.indexing}>
      <progress className={styles.progress} max={1} value={value} aria-label="Indexing the catalogue" /> Indexing…
    </span>
  );
}
