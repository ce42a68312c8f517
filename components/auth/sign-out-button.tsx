'use client';
import { signOut } from 'next-auth/react';
import { clearPersistedQueryCache } from '@/lib/query/persist';

export function SignOutButton() {
  const onClick = async () => {
    // The next person on this iPad must not see this DJ's cached library (bounded wait: never blocks sign-out).
    await clearPersistedQueryCache();
    await signOut({ callbackUrl: '/sign-in' });
  };
  return (
    <button type="button" className="button button-ghost" onClick={() => void onClick()}>
      Sign out
    </button>
  );
}
