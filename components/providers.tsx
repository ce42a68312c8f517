import type { ReactNode } from 'react';
import { getSessionUser } from '@/lib/auth/session';
import { PersistedQueryProvider } from '@/lib/query/persist/provider';
import { SessionExpiryWatcher } from './auth/session-expiry-watcher';

/**
 * Client-side state for the signed-in console. The persisted query cache is keyed by the user, so
 * this reads the session (pass `userId` when the caller already has it, to skip that read).
 */
export async function Providers({ children, userId }: { children: ReactNode; userId?: string }) {
  const id = userId ?? (await getSessionUser())?.id ?? null;
  return (
    <PersistedQueryProvider userId={id}>
      <SessionExpiryWatcher />
      {children}
    </PersistedQueryProvider>
  );
}
