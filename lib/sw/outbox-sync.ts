/// <reference lib="webworker" />
// Background Sync (Chromium): the browser wakes the worker with a `sync` event once it is online;
// the worker delivers the outbox with the page's own rules (lib/offline/outbox/flush.ts), under
// the same Web Lock. Never Workbox's queue (it drops an entry on a 500 and duplicates one whose
// answer was lost). Safari has no Background Sync: there the page's own triggers deliver.
import { ConsoleDatabase } from '@/lib/offline/db';
import { createFlusher, type Flusher } from '@/lib/offline/outbox/flush';
import { OUTBOX_KINDS, OUTBOX_SYNC_TAG } from '@/lib/offline/outbox/registry';

interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
  readonly lastChance: boolean;
}

export function listenForOutboxSync(worker: ServiceWorkerGlobalScope): void {
  let flusher: Flusher | null = null;
  const deliver = async () => {
    // Whose entries: the signed-in DJ's. Offline this throws, and the browser tries again later.
    const res = await fetch('/api/auth/session', { credentials: 'same-origin', cache: 'no-store' });
    const session = (await res.json().catch(() => null)) as { user?: { id?: unknown } } | null;
    const userId = session?.user?.id;
    if (typeof userId !== 'string' || userId === '') return; // signed out: delivered after sign-in
    flusher ??= createFlusher({
      db: new ConsoleDatabase(),
      kinds: OUTBOX_KINDS,
      fetch: (url, init) => fetch(url, init),
      locks: worker.navigator.locks ?? null,
    });
    const report = await flusher.flush({ userId, force: true });
    // A rejected sync is rescheduled by the browser (with its own backoff).
    if (report.offline || report.retried > 0) throw new Error('outbox: entries left to retry');
  };
  worker.addEventListener('sync', (event) => {
    const sync = event as SyncEvent;
    if (sync.tag === OUTBOX_SYNC_TAG) sync.waitUntil(deliver());
  });
}
