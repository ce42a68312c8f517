'use client';
import { signOut } from 'next-auth/react';
import { useEffect } from 'react';
import { onSessionExpired } from '@/lib/api/client';
import { clearPersistedQueryCache } from '@/lib/query/persist';

/** When the server says the session is over, sign out locally and come back here after sign-in. */
export function SessionExpiryWatcher() {
  useEffect(
    () =>
      onSessionExpired(() => {
        const here = window.location.pathname + window.location.search;
        // Whoever signs in next may be someone else: drop the persisted cache first.
        void clearPersistedQueryCache().then(() => signOut({ callbackUrl: `/sign-in?callbackUrl=${encodeURIComponent(here)}` }));
      }),
    [],
  );
  return null;
}
