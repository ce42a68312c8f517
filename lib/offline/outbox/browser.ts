'use client';
// The page's outbox: one flusher and scheduler per signed-in DJ, wired to the browser. The header
// shows the outbox on every console screen, so this module stays small: the flusher, Dexie and the
// outbox kinds load on the first flush (their own chunk, precached by the worker), after the paint.
// Delivery starts once start-up is over (`scheduleOutbox`), or at once when something asks for a
// flush before that ("Sync now", a set just ended): the start's forced flush delivers anything
// queued meanwhile, `online` events included.
import { getConnectivity } from '@/lib/offline/connectivity';
import { afterStartup } from '@/lib/scheduling/after-startup';
import type { Flusher } from './flush';
import { createOutboxScheduler, type OutboxScheduler, type OutboxStatus } from './scheduler';
import { OUTBOX_SYNC_TAG } from './sync-tag';

let flusher: Promise<Flusher> | null = null;
let current: { userId: string; scheduler: OutboxScheduler; unsubscribe: () => void } | null = null;
/** The DJ whose delivery waits for the end of start-up. */
let scheduled: { userId: string; cancel: () => void } | null = null;

const IDLE: OutboxStatus = { syncing: false, lastReport: null, lastRunAt: null };
let status: OutboxStatus = IDLE;
const statusListeners = new Set<() => void>();
const setStatus = (next: OutboxStatus) => {
  status = next;
  for (const listener of [...statusListeners]) listener();
};

/** The page's sending status (syncing, last report), for useSyncExternalStore. */
export const outboxStatus = {
  get: (): OutboxStatus => status,
  idle: (): OutboxStatus => IDLE,
  subscribe(listener: () => void): () => void {
    statusListeners.add(listener);
    return () => statusListeners.delete(listener);
  },
};

function browserFlusher(): Promise<Flusher> {
  flusher ??= Promise.all([import('./flush'), import('./registry'), import('@/lib/offline/db')]).then(
    ([{ createFlusher }, { OUTBOX_KINDS }, { consoleDb }]) =>
      createFlusher({
        db: consoleDb(),
        kinds: OUTBOX_KINDS,
        fetch: (url, init) => window.fetch(url, init),
        locks: typeof navigator !== 'undefined' && navigator.locks ? navigator.locks : null,
      }),
    (error: unknown) => {
      flusher = null; // the next flush tries again
      throw error;
    },
  );
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
  stopOutbox();
  const connectivity = getConnectivity();
  let wasOnline = connectivity.getSnapshot().online;
  const scheduler = createOutboxScheduler({
    userId,
    flush: async (options) => (await browserFlusher()).flush(options),
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
  const unsubscribe = scheduler.subscribe(() => setStatus(scheduler.getStatus()));
  current = { userId, scheduler, unsubscribe };
  scheduler.start();
  return scheduler;
}

/**
 * Starts delivering `userId`'s outbox once start-up is over (lib/scheduling/after-startup): its
 * first flush opens IndexedDB and loads the flusher, which the first screen does not need. Returns
 * the stop function (cancels a start still waiting).
 */
export function scheduleOutbox(userId: string): () => void {
  if (current?.userId !== userId && scheduled?.userId !== userId) {
    stopOutbox();
    const cancel = afterStartup(() => {
      if (scheduled?.userId !== userId) return;
      scheduled = null;
      startOutbox(userId);
    });
    scheduled = { userId, cancel };
  }
  return stopOutbox;
}

export function stopOutbox(): void {
  scheduled?.cancel();
  scheduled = null;
  current?.unsubscribe();
  current?.scheduler.stop();
  current = null;
  setStatus(IDLE);
}

/** "Sync now" (and what ending a set calls): a forced flush of the signed-in DJ's outbox. */
export function syncOutboxNow(): Promise<unknown> {
  if (!current && scheduled) {
    // Asked before start-up was over: deliver now rather than after it.
    const { userId } = scheduled;
    scheduled = null;
    return startOutbox(userId).syncNow();
  }
  return current?.scheduler.syncNow() ?? Promise.resolve(null);
}
