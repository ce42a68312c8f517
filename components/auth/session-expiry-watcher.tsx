'use client';
import { signOut } from 'next-auth/react';
import { useEffect } from 'react';
import { onSessionExpired } from '@/lib/api/client';

/** When the server says the session is over, sign out locally and come back here after sign-in. */
export function SessionExpiryWatcher() {
  useEffect(
    () =>
      onSessionExpired(() => {
        const here = window.location.pathname + window.location.search;
        void signOut({ callbackUrl: `/sign-in?callbackUrl=${encodeURIComponent(here)}` });
      }),
    [],
  );
  return null;
}
