import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { onlineManager } from '@tanstack/react-query';
import { ApiClientError } from '@/lib/api/client';
import { connectOnlineManager, createConnectivity, type ConnectivityDeps } from '@/lib/offline/connectivity';
import { createQueryClient } from '@/lib/query/client';

/** A fetch whose answers the test decides: 'up' (204), 'down' (throws), or any status. */
function fakeServer() {
  let answer: 'up' | 'down' | number = 'up';
  const fetch = vi.fn(async (url: string, init: RequestInit) => {
    void url;
    void init;
    if (answer === 'down') throw new TypeError('Failed to fetch');
    return new Response(null, { status: answer === 'up' ? 204 : answer });
  });
  return { fetch, set: (next: typeof answer) => (answer = next) };
}

function setup(extra: Partial<ConnectivityDeps> = {}) {
  const server = fakeServer();
  const events = new EventTarget();
  const visibility = Object.assign(new EventTarget(), { visibilityState: 'visible' });
  const connectivity = createConnectivity({
    fetch: server.fetch,
    events,
    visibility,
    random: () => 1, // no jitter: each wait is the full backoff ceiling
    ...extra,
  });
  const seen: boolean[] = [];
  connectivity.subscribe(() => seen.push(connectivity.getSnapshot().online));
  return { server, events, visibility, connectivity, seen };
}

/** Lets the probe's promise chain settle without moving the clock. */
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-03-01T20:00:00Z'));
});
afterEach(() => vi.useRealTimers());

describe('connectivity', () => {
  it('starts from navigator.onLine, then believes the probe', async () => {
    const { server, connectivity } = setup({ initiallyOnline: true });
    server.set('down');
    connectivity.start();
    expect(connectivity.getSnapshot().online).toBe(true);
    await settle();
    expect(connectivity.getSnapshot()).toEqual({ online: false, lastOnlineAt: null });
    expect(server.fetch).toHaveBeenCalledWith('/api/health', expect.objectContaining({ method: 'HEAD', cache: 'no-store' }));
    connectivity.stop();
  });

  it('runs the first probe when the deferral says so, and not at all if one ran meanwhile', async () => {
    let deferred: (() => void) | null = null;
    const { server, connectivity } = setup({ initiallyOnline: true, deferFirstProbe: (run) => (deferred = run) });
    connectivity.start();
    await settle();
    expect(server.fetch).not.toHaveBeenCalled();
    deferred!();
    await settle();
    expect(server.fetch).toHaveBeenCalledTimes(1);
    connectivity.stop();

    const second = setup({ initiallyOnline: true, deferFirstProbe: (run) => (deferred = run) });
    second.connectivity.start();
    second.server.set('down');
    second.connectivity.reportNetworkFailure(); // a request failed first: that probe counts
    await settle();
    expect(second.server.fetch).toHaveBeenCalledTimes(1);
    deferred!();
    await settle();
    expect(second.server.fetch).toHaveBeenCalledTimes(1);
    second.connectivity.stop();
  });

  it('probes with capped exponential backoff while offline, and stops once the server answers', async () => {
    const { server, connectivity } = setup({ backoffBaseMs: 1000, backoffMaxMs: 8000 });
    server.set('down');
    connectivity.start();
    await settle();
    const probesAt = async (ms: number) => {
      const before = server.fetch.mock.calls.length;
      await vi.advanceTimersByTimeAsync(ms - 1);
      expect(server.fetch.mock.calls.length, `no probe before ${ms} ms`).toBe(before);
      await vi.advanceTimersByTimeAsync(1);
      expect(server.fetch.mock.calls.length, `a probe at ${ms} ms`).toBe(before + 1);
    };
    await probesAt(1000);
    await probesAt(2000);
    await probesAt(4000);
    await probesAt(8000);
    await probesAt(8000); // capped

    server.set('up');
    await vi.advanceTimersByTimeAsync(8000);
    expect(connectivity.getSnapshot()).toEqual({ online: true, lastOnlineAt: Date.now() });
    const calls = server.fetch.mock.calls.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.fetch.mock.calls.length).toBe(calls); // no polling while online
    connectivity.stop();
  });

  it('jitters each wait between half and all of the backoff ceiling', async () => {
    const { server, connectivity } = setup({ backoffBaseMs: 1000, random: () => 0 });
    server.set('down');
    connectivity.start();
    await settle();
    await vi.advanceTimersByTimeAsync(499);
    expect(server.fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.fetch).toHaveBeenCalledTimes(2);
    connectivity.stop();
  });

  it('treats anything but 204 as unreachable (a captive portal answers 200)', async () => {
    const { server, connectivity } = setup();
    server.set(200);
    connectivity.start();
    await settle();
    expect(connectivity.getSnapshot().online).toBe(false);
    connectivity.stop();
  });

  it('goes offline on a network failure, probes at once, and comes back if the server answers', async () => {
    const { server, connectivity, seen } = setup();
    connectivity.start();
    await settle();
    const calls = server.fetch.mock.calls.length;
    connectivity.reportNetworkFailure();
    expect(connectivity.getSnapshot().online).toBe(false);
    await settle();
    expect(server.fetch.mock.calls.length).toBe(calls + 1);
    expect(connectivity.getSnapshot().online).toBe(true);
    expect(seen).toEqual([true, false, true]); // confirmed, failed request, probe answered
    connectivity.stop();
  });

  it('probes at once on the online event and on return to the foreground', async () => {
    const { server, events, visibility, connectivity } = setup({ backoffBaseMs: 60_000, backoffMaxMs: 60_000 });
    server.set('down');
    connectivity.start();
    await settle();
    server.set('up');
    events.dispatchEvent(new Event('online'));
    await settle();
    expect(connectivity.getSnapshot().online).toBe(true);

    server.set('down');
    events.dispatchEvent(new Event('offline'));
    expect(connectivity.getSnapshot().online).toBe(false);
    server.set('up');
    visibility.visibilityState = 'hidden';
    visibility.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(connectivity.getSnapshot().online).toBe(false);
    visibility.visibilityState = 'visible';
    visibility.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(connectivity.getSnapshot().online).toBe(true);
    connectivity.stop();
  });

  it('re-checks on focus while online only when the last probe is old', async () => {
    const { server, events, connectivity } = setup({ recheckAfterMs: 30_000 });
    connectivity.start();
    await settle();
    events.dispatchEvent(new Event('focus'));
    await settle();
    expect(server.fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(30_000);
    server.set('down');
    events.dispatchEvent(new Event('focus'));
    await settle();
    expect(server.fetch).toHaveBeenCalledTimes(2);
    expect(connectivity.getSnapshot().online).toBe(false);
    connectivity.stop();
  });

  it('joins a probe in flight instead of sending another', async () => {
    const { server, connectivity } = setup();
    await Promise.all([connectivity.probe(), connectivity.probe(), connectivity.probe()]);
    expect(server.fetch).toHaveBeenCalledTimes(1);
  });

  it('drives TanStack onlineManager', async () => {
    const { server, connectivity } = setup();
    const manager = onlineManager;
    const undo = connectOnlineManager(connectivity, manager);
    await settle();
    expect(manager.isOnline()).toBe(true);
    server.set('down');
    connectivity.reportNetworkFailure();
    expect(manager.isOnline()).toBe(false);
    server.set('up');
    await vi.advanceTimersByTimeAsync(1000);
    expect(manager.isOnline()).toBe(true);
    undo();
    server.set('down');
    connectivity.reportNetworkFailure();
    expect(manager.isOnline()).toBe(true); // detached
  });

  it('hears about network failures from the query client at the first failed attempt', async () => {
    const onNetworkFailure = vi.fn();
    const queryClient = createQueryClient({ onNetworkFailure });
    const failing = queryClient.fetchQuery({
      queryKey: ['tracks'],
      queryFn: () => Promise.reject(new ApiClientError('network', 'unreachable', 0)),
      retryDelay: 10,
    });
    failing.catch(() => undefined);
    await settle();
    expect(onNetworkFailure).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(100);
    await expect(failing).rejects.toThrow('unreachable');
    expect(onNetworkFailure.mock.calls.length).toBeGreaterThanOrEqual(4);

    const other = createQueryClient({ onNetworkFailure });
    onNetworkFailure.mockClear();
    await other
      .fetchQuery({ queryKey: ['x'], queryFn: () => Promise.reject(new ApiClientError('not_found', 'gone', 404)) })
      .catch(() => undefined);
    expect(onNetworkFailure).not.toHaveBeenCalled();
  });
});
