import { describe, expect, it } from 'vitest';
import type { FlushOptions, FlushReport } from '@/lib/offline/outbox/flush';
import { createOutboxScheduler } from '@/lib/offline/outbox/scheduler';

// When the page flushes: start, online, visible again, the probe seeing the server, the timer,
// Sync now. Flushes never overlap; triggers during one are coalesced into one more.

const report = (fields: Partial<FlushReport> = {}): FlushReport => ({
  delivered: 0, retried: 0, needsAuth: 0, rejected: 0, offline: false, remaining: 0, nextAttemptAt: null, ...fields,
});

function harness(answer: (options: FlushOptions) => FlushReport = () => report()) {
  const calls: FlushOptions[] = [];
  let release: (() => void) | null = null;
  let hold = false;
  const events = new EventTarget();
  const visibility = Object.assign(new EventTarget(), { visibilityState: 'visible' });
  const timers: Array<{ fn: () => void; ms: number }> = [];
  let reachable: (() => void) | null = null;
  const failures: string[] = [];
  const scheduler = createOutboxScheduler({
    userId: 'dj-1',
    flush: async (options) => {
      calls.push(options);
      if (hold) await new Promise<void>((resolve) => (release = resolve));
      return answer(options);
    },
    events,
    visibility,
    onReachable: (listener) => {
      reachable = listener;
      return () => (reachable = null);
    },
    reportNetworkFailure: () => failures.push('network'),
    requestBackgroundSync: () => failures.push('sync'),
    now: () => 1000,
    setTimer: (fn, ms) => {
      timers.push({ fn, ms });
      return timers.length;
    },
    clearTimer: () => undefined,
  });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return {
    scheduler, calls, events, visibility, timers, failures, settle,
    reach: () => reachable?.(),
    holdFlushes: () => (hold = true),
    releaseFlush: () => {
      hold = false;
      release?.();
    },
  };
}

describe('outbox scheduler', () => {
  it('flushes (forced) on start, online, visible, server reachable again and Sync now', async () => {
    const h = harness();
    h.scheduler.start();
    await h.settle();
    h.events.dispatchEvent(new Event('online'));
    await h.settle();
    h.visibility.visibilityState = 'hidden';
    h.visibility.dispatchEvent(new Event('visibilitychange'));
    h.visibility.visibilityState = 'visible';
    h.visibility.dispatchEvent(new Event('visibilitychange'));
    await h.settle();
    h.reach();
    await h.settle();
    await h.scheduler.syncNow();
    expect(h.calls).toEqual(Array(5).fill({ userId: 'dj-1', force: true }));
  });

  it('arms a timer for the next retry (or the heartbeat) and the timer flush is not forced', async () => {
    const h = harness(() => report({ remaining: 1, nextAttemptAt: 1000 + 4000 }));
    h.scheduler.start();
    await h.settle();
    expect(h.timers.at(-1)!.ms).toBe(4000);
    h.timers.at(-1)!.fn();
    await h.settle();
    expect(h.calls.at(-1)).toEqual({ userId: 'dj-1', force: false });
    const idle = harness();
    idle.scheduler.start();
    await idle.settle();
    expect(idle.timers.at(-1)!.ms).toBe(30_000);
  });

  it('never runs two flushes at once: triggers during one become one more forced flush', async () => {
    const h = harness();
    h.holdFlushes();
    h.scheduler.start();
    await h.settle();
    void h.scheduler.syncNow();
    void h.scheduler.syncNow();
    h.events.dispatchEvent(new Event('online'));
    expect(h.calls).toHaveLength(1);
    h.releaseFlush();
    await h.settle();
    await h.settle();
    expect(h.calls).toHaveLength(2);
    expect(h.calls[1]).toEqual({ userId: 'dj-1', force: true });
  });

  it('an offline flush hands over to the reachability probe and asks for a Background Sync', async () => {
    const h = harness(() => report({ offline: true, remaining: 1, retried: 1, nextAttemptAt: 1500 }));
    h.scheduler.start();
    await h.settle();
    expect(h.failures).toEqual(['network', 'sync']);
    expect(h.scheduler.getStatus()).toMatchObject({ syncing: false, lastReport: { offline: true } });
  });

  it('stop() removes the listeners', async () => {
    const h = harness();
    h.scheduler.start();
    await h.settle();
    h.scheduler.stop();
    h.events.dispatchEvent(new Event('online'));
    h.reach();
    await h.settle();
    expect(h.calls).toHaveLength(1);
  });
});
