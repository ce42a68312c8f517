'use client';
import { lazy, Suspense, useState } from 'react';
import type { DownloadManager } from '@/lib/offline/downloads/manager';
import { forgetPlayerSession } from '@/lib/player/store';

const MB = 1024 * 1024;
// Only needed when there are downloads to warn about: not part of the first paint.
const ConfirmDialog = lazy(() => import('@/components/ui/confirm-dialog').then((m) => ({ default: m.ConfirmDialog })));

/**
 * Signing out on a shared iPad: the member's downloads go too (after a confirm saying how many),
 * so whoever signs in next cannot play them; files another member of the device keeps stay.
 * Then the saved decks and queue (lib/player/session), the persisted query cache, then next-auth's sign-out.
 */
export function SignOutButton({ userId }: { userId: string }) {
  const [pending, setPending] = useState<{ manager: DownloadManager; count: number; bytes: number } | null>(null);
  const [busy, setBusy] = useState(false);

  const signOutNow = async () => {
    setBusy(true);
    // Loaded on the click: none of this is part of the console's first paint.
    const [{ clearPersistedQueryCache }, { signOut }] = await Promise.all([import('@/lib/query/persist'), import('next-auth/react')]);
    await forgetPlayerSession();
    // The next person on this iPad must not see this DJ's cached library (bounded wait: never blocks sign-out).
    await clearPersistedQueryCache();
    await signOut({ callbackUrl: '/sign-in' });
  };

  const onClick = async () => {
    setBusy(true);
    const { loadDownloadManager } = await import('@/lib/offline/downloads/browser');
    const manager = await loadDownloadManager();
    const offline = manager ? await offlineOf(manager, userId) : [];
    setBusy(false);
    if (!manager || offline.length === 0) return signOutNow();
    const bytes = offline.reduce((sum, t) => sum + t.audioBytes + t.artworkBytes, 0);
    setPending({ manager, count: offline.length, bytes });
  };

  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    await pending.manager.removeAll().catch((error: unknown) => console.warn('[sign-out] could not remove every download', error));
    await signOutNow();
  };

  return (
    <>
      <button type="button" className="button button-ghost" onClick={() => void onClick()} disabled={busy}>
        Sign out
      </button>
      {pending && (
        <Suspense>
          <ConfirmDialog
            open
            title={`Sign out and remove ${pending.count === 1 ? 'your download' : `your ${pending.count} downloads`}?`}
            confirmLabel="Sign out and remove"
            busy={busy}
            onConfirm={() => void confirm()}
            onCancel={() => setPending(null)}
          >
            <p data-testid="sign-out-downloads">
              {pending.count === 1 ? 'The track' : `The ${pending.count} tracks`} you keep offline on this device (
              {(pending.bytes / MB).toFixed(1)} MB) will be removed, so nobody who uses it after you can play them. Download them
              again after you sign back in.
            </p>
          </ConfirmDialog>
        </Suspense>
      )}
    </>
  );
}

/** The member's offline tracks, once the manager has read them (bounded wait). */
async function offlineOf(manager: DownloadManager, userId: string) {
  void manager.setUser(userId);
  const ready = () => manager.getSnapshot().userId === userId && manager.getSnapshot().loaded;
  if (!ready()) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, 5000);
      const unsubscribe = manager.subscribe(() => ready() && done());
      function done() {
        clearTimeout(timer);
        unsubscribe();
        resolve();
      }
    });
  }
  return manager.getSnapshot().offline;
}
