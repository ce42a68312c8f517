'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { getConnectivity } from '@/lib/offline/connectivity';
import { useConnectivity } from '@/lib/offline/use-connectivity';
import { formatAge, parseSummary, summarizeQueries } from './data-age';
import styles from './offline-banner.module.css';

/**
 * Says when the console is offline and how old the data on screen is, or that a refresh failed
 * while online (with Retry). The live region stays mounted so screen readers hear each change.
 * It sits in the console header (components/layout/console-header.tsx), in the flow: never over
 * the page, the mini player's seek bar or its messages.
 */
export function OfflineBanner() {
  const { online } = useConnectivity();
  const queryClient = useQueryClient();
  const cache = queryClient.getQueryCache();
  const summary = useSyncExternalStore(
    useCallback((onChange: () => void) => cache.subscribe(onChange), [cache]),
    () => summarizeQueries(cache.getAll()),
    () => '0|0',
  );
  const { oldest, refreshFailed } = parseSummary(summary);
  const visible = !online || refreshFailed;
  const now = useNow(visible);

  const retry = () => {
    void getConnectivity().probe();
    void queryClient.refetchQueries({ type: 'active', predicate: (q) => q.state.status === 'error' });
  };

  const age = oldest !== null && now !== null ? formatAge(now - oldest) : null;
  return (
    <div role="status" className={styles.region} data-testid="offline-banner">
      {visible && (
        <div className={`${styles.banner} ${online ? styles.failed : styles.offline}`}>
          <span className={styles.dot} aria-hidden="true" />
          {online ? (
            <>
              <span>
                Couldn&apos;t refresh{age && <span className={styles.age}>{` · data from ${age}`}</span>}
              </span>
              <button type="button" className={styles.retry} onClick={retry}>
                Retry
              </button>
            </>
          ) : (
            <span>
              Offline{age && <span className={styles.age}>{` · showing data from ${age}`}</span>}
            </span>
          )}
        </div>
      )}
    </div>
  );
}

/** The current time, refreshed every 30 s while `active` (null until mounted: no SSR mismatch). */
function useNow(active: boolean): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}
