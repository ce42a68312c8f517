// When the page flushes the outbox: at start, on `online`, when the page becomes visible again,
// when the connectivity probe sees the server again, on a timer while open (the next retry that
// falls due, or a heartbeat), and from "Sync now". Safari has no Background Sync: these triggers are
// what delivers there. Flushes of one page never overlap (one runs, one more may be queued).
import type { FlushOptions, FlushReport } from './flush';

export interface OutboxStatus {
  syncing: boolean;
  lastReport: FlushReport | null;
  lastRunAt: number | null;
}

export interface SchedulerDeps {
  userId: string;
  flush: (options: FlushOptions) => Promise<FlushReport>;
  /** `online` is heard here (window). */
  events: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  /** `visibilitychange` (document). */
  visibility: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> & { visibilityState: string };
  /** The reachability probe (lib/offline/connectivity): returns an unsubscribe. */
  onReachable?: (listener: () => void) => () => void;
  /** A send found no network: let the probe take over. */
  reportNetworkFailure?: () => void;
  /** Asks the service worker for a Background Sync (Chromium); a no-op elsewhere. */
  requestBackgroundSync?: () => void;
  now?: () => number;
  heartbeatMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  onError?: (error: unknown) => void;
}

export interface OutboxScheduler {
  start(): void;
  stop(): void;
  /** "Sync now", and what a fresh enqueue calls: a forced flush. */
  syncNow(): Promise<FlushReport | null>;
  getStatus(): OutboxStatus;
  subscribe(listener: () => void): () => void;
}

export const HEARTBEAT_MS = 30_000;

export function createOutboxScheduler(deps: SchedulerDeps): OutboxScheduler {
  const now = deps.now ?? Date.now;
  const heartbeatMs = deps.heartbeatMs ?? HEARTBEAT_MS;
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  const listeners = new Set<() => void>();
  let status: OutboxStatus = { syncing: false, lastReport: null, lastRunAt: null };
  let running: Promise<FlushReport | null> | null = null;
  let queued: { force: boolean } | null = null;
  let timer: unknown = null;
  let started = false;
  let unsubscribeReachable: (() => void) | null = null;

  const emit = (next: Partial<OutboxStatus>) => {
    status = { ...status, ...next };
    for (const listener of [...listeners]) listener();
  };

  const schedule = (report: FlushReport | null) => {
    if (timer !== null) clearTimer(timer);
    timer = null;
    if (!started) return;
    const at = now();
    const due = report?.nextAttemptAt ?? Infinity;
    const wait = Math.max(250, Math.min(heartbeatMs, due - at));
    timer = setTimer(() => {
      timer = null;
      void trigger(false);
    }, wait);
  };

  async function runOnce(force: boolean): Promise<FlushReport | null> {
    emit({ syncing: true });
    try {
      const report = await deps.flush({ userId: deps.userId, force });
      emit({ syncing: false, lastReport: report, lastRunAt: now() });
      if (report.offline) {
        deps.reportNetworkFailure?.();
        deps.requestBackgroundSync?.();
      }
      return report;
    } catch (error) {
      deps.onError?.(error);
      emit({ syncing: false, lastRunAt: now() });
      return null;
    }
  }

  function trigger(force: boolean): Promise<FlushReport | null> {
    if (running) {
      queued = { force: force || (queued?.force ?? false) };
      return running;
    }
    running = (async () => {
      let report = await runOnce(force);
      while (queued) {
        const next = queued;
        queued = null;
        report = await runOnce(next.force);
      }
      running = null;
      schedule(report);
      return report;
    })();
    return running;
  }

  const onOnline = () => void trigger(true);
  const onVisibility = () => {
    if (deps.visibility.visibilityState === 'visible') void trigger(true);
  };

  return {
    start() {
      if (started) return;
      started = true;
      deps.events.addEventListener('online', onOnline);
      deps.visibility.addEventListener('visibilitychange', onVisibility);
      unsubscribeReachable = deps.onReachable?.(() => void trigger(true)) ?? null;
      void trigger(true);
    },
    stop() {
      started = false;
      deps.events.removeEventListener('online', onOnline);
      deps.visibility.removeEventListener('visibilitychange', onVisibility);
      unsubscribeReachable?.();
      unsubscribeReachable = null;
      if (timer !== null) clearTimer(timer);
      timer = null;
    },
    syncNow: () => trigger(true),
    getStatus: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
