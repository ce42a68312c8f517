import { afterEach, describe, expect, it, vi } from 'vitest';
import { FALLBACK_SLICE_MS, onIdle, yieldToMain } from '@/lib/scheduling/idle';

describe('onIdle', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('uses requestIdleCallback with the timeout where the browser has it', () => {
    const requestIdleCallback = vi.fn(() => 7);
    const cancelIdleCallback = vi.fn();
    vi.stubGlobal('requestIdleCallback', requestIdleCallback);
    vi.stubGlobal('cancelIdleCallback', cancelIdleCallback);
    const callback = vi.fn();
    const cancel = onIdle(callback, 300);
    expect(requestIdleCallback).toHaveBeenCalledWith(callback, { timeout: 300 });
    cancel();
    expect(cancelIdleCallback).toHaveBeenCalledWith(7);
  });

  it('without it (Safari), runs in a timer task with a short slice of its own', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }); // no fake requestIdleCallback: the Safari path
    let remaining = -1;
    const cancelled = vi.fn();
    onIdle((deadline) => (remaining = deadline.timeRemaining()));
    onIdle(cancelled)();
    await vi.advanceTimersByTimeAsync(5);
    expect(remaining).toBeGreaterThan(0);
    expect(remaining).toBeLessThanOrEqual(FALLBACK_SLICE_MS);
    expect(cancelled).not.toHaveBeenCalled();
  });
});

describe('yieldToMain', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('prefers scheduler.yield', async () => {
    const yieldFn = vi.fn(() => Promise.resolve());
    vi.stubGlobal('scheduler', { yield: yieldFn });
    await yieldToMain();
    expect(yieldFn).toHaveBeenCalledOnce();
  });

  it('otherwise resumes in a later task, after work already queued', async () => {
    const order: string[] = [];
    setTimeout(() => order.push('timer queued before'), 0);
    await yieldToMain();
    order.push('resumed');
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(order).toContain('resumed');
  });
});
