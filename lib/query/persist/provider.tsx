'use client';
// Memory → IndexedDB: the QueryClient for the console, restored from the signed-in user's
// persisted cache before any query runs, and TanStack's online state driven by real probes.
import { IsRestoringProvider, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { connectOnlineManager, getConnectivity } from '@/lib/offline/connectivity';
import { createQueryClient } from '../client';
import { startQueryPersistence } from './session';

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
    const persistence = startQueryPersistence({ queryClient, userId });
    void persistence.restored.then(() => {
      if (current) setRestoring(false);
    });
    return () => {
      current = false;
      persistence.stop();
    };
  }, [queryClient, userId]);

  return (
    <QueryClientProvider client={queryClient}>
      <IsRestoringProvider value={restoring}>{children}</IsRestoringProvider>
    </QueryClientProvider>
  );
}
