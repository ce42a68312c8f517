'use client';
import { useSyncExternalStore } from 'react';
import { updates } from '@/lib/pwa/updates';
import type { UpdateSnapshot } from '@/lib/pwa/update-controller';
import styles from './pwa.module.css';

const SERVER_SNAPSHOT: UpdateSnapshot = { phase: 'idle', dismissed: false };

/** "A new version is available — Reload": never applied while a track plays (lib/pwa/update-controller). */
export function UpdateBanner() {
  const { phase, dismissed } = useSyncExternalStore(updates.subscribe, updates.getSnapshot, () => SERVER_SNAPSHOT);
  if (phase === 'idle' || dismissed) return null;
  return (
    <div className={styles.banner} role="status" aria-live="polite" data-testid="update-banner" data-phase={phase}>
      {phase === 'available' ? (
        <>
          <p className={styles.text}>A new version is available</p>
          <div className={styles.actions}>
            <button type="button" className="button button-ghost" onClick={updates.dismiss}>
              Later
            </button>
            <button type="button" className="button button-primary" onClick={updates.accept}>
              Reload
            </button>
          </div>
        </>
      ) : phase === 'deferred' ? (
        <p className={styles.text}>The new version will load when playback stops.</p>
      ) : (
        <p className={styles.text}>Loading the new version…</p>
      )}
    </div>
  );
}
