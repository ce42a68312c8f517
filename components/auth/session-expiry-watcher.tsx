'use client';
import { useEffect } from 'react';
import { onSessionExpired } from '@/lib/api/client';

/** When the server says the session is over, sign out locally and come back here after sign-in. */
export function SessionExpiryWatcher() {
  useEffect(
    () =>
      onSessionExpired(() => {
        const here = window.location.pathname + window.location.search;
        // Whoever signs in next may be someone else: drop the persisted cache first.
        // Loaded when needed: neither is part of the console's first paint.
        void (async () => {
          const [{ clearPersistedQueryCache }, { signOut }] = await Promise.all([import('@/lib/query/persist'), import('next-auth/react')]);
          await clearPersistedQueryCache();
          await signOut({ callbackUrl: `/sign-in?callbackUrl=${encodeURIComponent(here)}` });
        })();
      }),
    [],
  );
  return null;
}
