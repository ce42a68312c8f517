import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The page's outbox waits for the end of start-up to deliver, unless a flush is asked for sooner.
const startup = vi.hoisted(() => ({ jobs: [] as Array<() => unknown> }));
const flushes = vi.hoisted(() => ({ calls: [] as Array<{ userId: string; force: boolean }> }));

vi.mock('@/lib/scheduling/after-startup', () => ({
  afterStartup: (job: () => unknown) => {
    let cancelled = false;
    startup.jobs.push(() => (cancelled ? undefined : job()));
    return () => (cancelled = true);
  },
}));
vi.mock('@/lib/offline/connectivity', () => ({
  getConnectivity: () => ({ getSnapshot: () => ({ online: true }), subscribe: () => () => undefined, reportNetworkFailure: () => undefined }),
}));
vi.mock('@/lib/offline/outbox/flush', () => ({
  createFlusher: () => ({
    flush: async (options: { userId: string; force: boolean }) => {
      flushes.calls.push(options);
      return { delivered: 0, retried: 0, needsAuth: 0, rejected: 0, offline: false, remaining: 0, nextAttemptAt: null };
    },
  }),
}));
vi.mock('@/lib/offline/outbox/registry', () => ({ OUTBOX_KINDS: {} }));
vi.mock('@/lib/offline/db', () => ({ consoleDb: () => ({}) }));

const target = () => ({ addEventListener: vi.fn(), removeEventListener: vi.fn() });
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('the page outbox at start-up', () => {
  beforeEach(() => {
    vi.resetModules();
    startup.jobs.length = 0;
    flushes.calls.length = 0;
    vi.stubGlobal('window', target());
    vi.stubGlobal('document', { ...target(), visibilityState: 'visible' });
  });
  afterEach(async () => {
    (await import('@/lib/offline/outbox/browser')).stopOutbox();
    vi.unstubAllGlobals();
  });

  it('starts delivering (a forced flush, `online` heard) once start-up is over', async () => {
    const { scheduleOutbox } = await import('@/lib/offline/outbox/browser');
    scheduleOutbox('dj-1');
    await settle();
    expect(flushes.calls).toEqual([]);
    expect(window.addEventListener).not.toHaveBeenCalled();

    for (const job of startup.jobs.splice(0)) job();
    await settle();
    expect(flushes.calls).toEqual([{ userId: 'dj-1', force: true }]);
    expect(window.addEventListener).toHaveBeenCalledWith('online', expect.any(Function));
  });

  it('"Sync now" before the end of start-up delivers at once, and start-up does not start it twice', async () => {
    const { scheduleOutbox, syncOutboxNow } = await import('@/lib/offline/outbox/browser');
    scheduleOutbox('dj-1');
    await syncOutboxNow();
    expect(flushes.calls.length).toBeGreaterThan(0);
    expect(flushes.calls.every((call) => call.userId === 'dj-1' && call.force)).toBe(true);
    const before = flushes.calls.length;

    for (const job of startup.jobs.splice(0)) job();
    await settle();
    expect(flushes.calls.length).toBe(before);
  });

  it('stopping before the end of start-up (sign-out, unmount) starts nothing', async () => {
    const { scheduleOutbox } = await import('@/lib/offline/outbox/browser');
    const stop = scheduleOutbox('dj-1');
    stop();
    for (const job of startup.jobs.splice(0)) job();
    await settle();
    expect(flushes.calls).toEqual([]);
  });
});
