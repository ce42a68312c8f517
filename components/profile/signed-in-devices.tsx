'use client';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { apiFetch } from '@/lib/api/client';
import type { ConsoleSessionList } from '@/lib/domain/console-session';
import { formatDateTime } from '@/lib/format/dates';
import { meKeys } from '@/lib/query/keys';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import styles from './profile.module.css';

export const SESSIONS_KEY = [...meKeys.all, 'sessions'] as const;

/** The browsers signed in to this account, and "Sign out everywhere" (this one included). */
export function SignedInDevices() {
  const sessions = useQuery({
    queryKey: SESSIONS_KEY,
    queryFn: ({ signal }) => apiFetch<ConsoleSessionList>('/api/me/sessions', { signal }),
    staleTime: 0,
  });
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const list = sessions.data?.sessions ?? [];

  const signOutEverywhere = async () => {
    setBusy(true);
    setError(null);
    try {
      await apiFetch('/api/me/sessions', { method: 'DELETE' });
    } catch (failure) {
      setBusy(false);
      return setError(failure instanceof Error ? failure.message : 'Could not sign out everywhere. Try again.');
    }
    // This browser's session has ended too: leave the way a sign-out does (cached pages and data go).
    const [{ clearPersistedQueryCache }, { signOut }] = await Promise.all([import('@/lib/query/persist'), import('next-auth/react')]);
    await clearPersistedQueryCache();
    await signOut({ callbackUrl: '/sign-in' });
  };

  return (
    <section className={styles.card} aria-labelledby="devices-title" data-testid="signed-in-devices">
      <div className={styles.cardHeading}>
        <h2 id="devices-title">Signed-in devices</h2>
        <p className="muted" data-testid="device-count">
          {sessions.isPending ? 'Loading…' : sessions.isError ? 'Could not load your devices.' : deviceCount(list.length)}
        </p>
      </div>
      {list.length > 0 && (
        <ul className={styles.devices}>
          {list.map((s) => (
            <li key={s.id} className={styles.device} data-testid="device">
              <span className={styles.deviceName}>
                {s.deviceLabel}
                {s.current && <span className={styles.badge}>This device</span>}
              </span>
              <span className="muted">Signed in {formatDateTime(s.signedInAt)}</span>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p role="alert" className="alert alert-error">
          {error}
        </p>
      )}
      <div className={styles.actions}>
        <button type="button" className="button" onClick={() => setConfirming(true)} disabled={busy}>
          Sign out everywhere
        </button>
        <span className="muted">Ends every session of your account, this one included.</span>
      </div>
      <ConfirmDialog
        open={confirming}
        title="Sign out on every device?"
        confirmLabel="Sign out everywhere"
        busy={busy}
        onConfirm={() => void signOutEverywhere()}
        onCancel={() => setConfirming(false)}
      >
        <p>
          Every browser signed in to your account ({deviceCount(list.length).toLowerCase()}) is signed out, this one too.
          Downloads kept on other devices stay there until their next sign-in.
        </p>
      </ConfirmDialog>
    </section>
  );
}

function deviceCount(n: number): string {
  return n === 1 ? '1 device signed in' : `${n} devices signed in`;
}
