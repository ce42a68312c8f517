import { describe, expect, it, vi } from 'vitest';
import { wakeThenSkipWaiting } from '@/lib/pwa/wake-active-worker';

describe('accepting an update: wake the active worker, then skip waiting', () => {
  it('sends SKIP_WAITING only once the active worker has answered', async () => {
    const order: string[] = [];
    let answer!: () => void;
    const wakeActive = vi.fn(() => new Promise<void>((resolve) => (answer = resolve)).then(() => void order.push('woken')));
    const skipWaiting = vi.fn(() => void order.push('skip'));
    const done = wakeThenSkipWaiting({ wakeActive, skipWaiting });
    await new Promise((r) => setTimeout(r, 10));
    expect(wakeActive).toHaveBeenCalledOnce();
    expect(skipWaiting).not.toHaveBeenCalled();
    answer();
    await done;
    expect(order).toEqual(['woken', 'skip']);
  });

  it('goes ahead after the timeout when the active worker never answers (an older release)', async () => {
    vi.useFakeTimers();
    try {
      const skipWaiting = vi.fn();
      const done = wakeThenSkipWaiting({ wakeActive: () => new Promise(() => undefined), skipWaiting, timeoutMs: 2000 });
      await vi.advanceTimersByTimeAsync(1999);
      expect(skipWaiting).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
      await done;
      expect(skipWaiting).toHaveBeenCalledOnce();
    } finally {
      vi.useRealTimers();
    }
  });

  it('goes ahead when the message fails, and at once when no worker is active', async () => {
    const skipWaiting = vi.fn();
    await wakeThenSkipWaiting({ wakeActive: () => Promise.reject(new Error('redundant')), skipWaiting });
    expect(skipWaiting).toHaveBeenCalledTimes(1);
    await wakeThenSkipWaiting({ wakeActive: null, skipWaiting });
    expect(skipWaiting).toHaveBeenCalledTimes(2);
  });
});
