'use client';
// Memory → IndexedDB: the QueryClient for the console, restored from the signed-in user's
// persisted cache before any query runs, and TanStack's online state driven by real probes.
import { IsRestoringProvider, QueryClientProvider } from '@tanstack/react-query';
import { startTransition, useEffect, useState, type ReactNode } from 'react';
import { connectOnlineManager, getConnectivity } from '@/lib/offline/connectivity';
import { consoleDatabaseMayExist } from '@/lib/offline/database-exists';
import { createQueryClient } from '../client';
import type { QueryPersistence } from './session';

// Asked for as this module loads, before hydration: the restore's chunk (Dexie, the persister) then
// downloads while the page hydrates instead of after it.
const persistenceModule = typeof window === 'undefined' ? null : import('./session');
persistenceModule?.catch(() => undefined); // a failure is reported where it is awaited

export function PersistedQueryProvider({ userId, children }: { userId: string | null; children: ReactNode }) {
  const [queryClient] = useState(() => createQueryClient());
  // While true, useQuery renders its pending state but neither fetches nor subscribes (what
  // PersistQueryClientProvider does): no request goes out before the persisted cache is in, and the
  // page still paints at once. The same value on the server keeps hydration consistent.
  const [restoring, setRestoring] = useState(userId !== null);

  useEffect(() => connectOnlineManager(getConnectivity()), []);

  useEffect(() => {
    if (userId === null) {
      setRestoring(false);
      return;
    }
    let current = true;
    let persistence: QueryPersistence | null = null;
    const restoreDone = () => {
      // Every query on screen renders its restored data now: a transition, so React renders the
      // tree in slices (the page answers taps meanwhile) instead of one long blocking task.
      if (current) startTransition(() => setRestoring(false));
    };
    // A device without the console's database has nothing to restore: queries need not wait for
    // Dexie and IndexedDB before they fetch (a first visit).
    void consoleDatabaseMayExist().then((exists) => {
      if (!exists) restoreDone();
    });
    // Dexie and the persister load after the first paint (their own chunk, precached by the
    // worker, so an offline start gets them too); a chunk that cannot load only skips the restore.
    void (persistenceModule ?? import('./session'))
      .then(({ startQueryPersistence }) => {
        if (!current) return;
        persistence = startQueryPersistence({ queryClient, userId });
        return persistence.restored;
      })
      .catch((error: unknown) => console.warn('[query-persist] could not load the persisted cache', error))
      .then(restoreDone);
    return () => {
      current = false;
      persistence?.stop();
    };
  }, [queryClient, userId]);

  return (
    <QueryClientProvider client={queryClient}>
      <IsRestoringProvider value={restoring}>{children}</IsRestoringProvider>
    </QueryClientProvider>
  );
}
