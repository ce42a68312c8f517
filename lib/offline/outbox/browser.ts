'use client';
// The page's outbox: one flusher and scheduler per signed-in DJ, wired to the browser.
import { getConnectivity } from '@/lib/offline/connectivity';
import { consoleDb } from '@/lib/offline/db';
import { createFlusher, type Flusher } from './flush';
import { OUTBOX_KINDS, OUTBOX_SYNC_TAG } from './registry';
import { createOutboxScheduler, type OutboxScheduler } from './scheduler';

let flusher: Flusher | null = null;
let current: { userId: string; scheduler: OutboxScheduler } | null = null;

function browserFlusher(): Flusher {
  flusher ??= createFlusher({
    db: consoleDb(),
    kinds: OUTBOX_KINDS,
    fetch: (url, init) => window.fetch(url, init),
    locks: typeof navigator !== 'undefined' && navigator.locks ? navigator.locks : null,
  });
  return flusher;
}

/** Registers a one-off Background Sync where the browser has it (Chromium); Safari has none. */
export function requestBackgroundSync(): void {
  if (!('serviceWorker' in navigator) || typeof window === 'undefined' || !('SyncManager' in window)) return;
  void navigator.serviceWorker.ready
    .then((registration) => (registration as ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }).sync?.register(OUTBOX_SYNC_TAG))
    .catch(() => undefined);
}

/** Starts delivering `userId`'s outbox (stops any other DJ's scheduler on this page). */
export function startOutbox(userId: string): OutboxScheduler {
  if (current?.userId === userId) return current.scheduler;
  current?.scheduler.stop();
  const connectivity = getConnectivity();
  let wasOnline = connectivity.getSnapshot().online;
  const scheduler = createOutboxScheduler({
    userId,
    flush: (options) => browserFlusher().flush(options),
    events: window,
    visibility: document,
    onReachable: (listener) =>
      connectivity.subscribe(() => {
        const online = connectivity.getSnapshot().online;
        if (online && !wasOnline) listener();
        wasOnline = online;
      }),
    reportNetworkFailure: () => connectivity.reportNetworkFailure(),
    requestBackgroundSync,
    onError: (error) => console.warn('[outbox] flush failed', error),
  });
  current = { userId, scheduler };
  scheduler.start();
  return scheduler;
}

export function outboxScheduler(): OutboxScheduler | null {
  return current?.scheduler ?? null;
}
