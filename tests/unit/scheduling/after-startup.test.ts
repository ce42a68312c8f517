import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = () => void;

/** A page that has not loaded yet, with no requestIdleCallback (Safari). */
function fakePage() {
  const listeners: Listener[] = [];
  const document = { readyState: 'loading' as DocumentReadyState };
  const window = { addEventListener: (type: string, listener: Listener) => type === 'load' && listeners.push(listener) };
  vi.stubGlobal('document', document);
  vi.stubGlobal('window', window);
  return {
    load() {
      document.readyState = 'complete';
      for (const listener of listeners.splice(0)) listener();
    },
  };
}

describe('afterStartup', () => {
  beforeEach(() => {
    vi.resetModules();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }); // no fake requestIdleCallback: the Safari path
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('waits for the load event and idle time, then runs jobs in order, one per task', async () => {
    const page = fakePage();
    const { afterStartup } = await import('@/lib/scheduling/after-startup');
    const ran: string[] = [];
    afterStartup(() => ran.push('outbox'));
    afterStartup(() => ran.push('player'));
    await vi.advanceTimersByTimeAsync(100);
    expect(ran).toEqual([]);
    page.load();
    await vi.advanceTimersToNextTimerAsync(); // the first idle moment after load
    expect(ran).toEqual([]);
    await vi.advanceTimersToNextTimerAsync();
    expect(ran).toEqual(['outbox']);
    await vi.advanceTimersToNextTimerAsync();
    expect(ran).toEqual(['outbox', 'player']);
  });

  it('drops a cancelled job and keeps going after one that throws', async () => {
    const page = fakePage();
    const { afterStartup } = await import('@/lib/scheduling/after-startup');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const ran: string[] = [];
    afterStartup(() => {
      throw new Error('boom');
    });
    const cancel = afterStartup(() => ran.push('cancelled'));
    afterStartup(() => ran.push('kept'));
    cancel();
    page.load();
    await vi.runAllTimersAsync();
    expect(ran).toEqual(['kept']);
    expect(warn).toHaveBeenCalledWith('[startup] deferred work failed', expect.any(Error));
  });

  it('runs a job queued after start-up in the next idle moment', async () => {
    const page = fakePage();
    const { afterStartup } = await import('@/lib/scheduling/after-startup');
    const ran: string[] = [];
    afterStartup(() => ran.push('early'));
    page.load();
    await vi.runAllTimersAsync();
    ran.length = 0;
    afterStartup(() => ran.push('late'));
    expect(ran).toEqual([]);
    await vi.advanceTimersToNextTimerAsync();
    expect(ran).toEqual(['late']);
  });
});
