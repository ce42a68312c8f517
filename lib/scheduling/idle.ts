// Idle time, on every browser the console runs in. Safari (the iPad) has no requestIdleCallback:
// there a timer stands in, with a fixed budget per slice, so work still runs in short tasks.

export interface IdleDeadline {
  timeRemaining(): number;
  readonly didTimeout: boolean;
}

/** Longest a slice runs when the browser gives no idle deadline (well under a 50 ms long task). */
export const FALLBACK_SLICE_MS = 8;

type IdleCallbackHost = {
  requestIdleCallback?: (callback: (deadline: IdleDeadline) => void, options?: { timeout: number }) => number;
  cancelIdleCallback?: (handle: number) => void;
};

/** Runs `callback` in idle time (at the latest after `timeoutMs`); returns a cancel function. */
export function onIdle(callback: (deadline: IdleDeadline) => void, timeoutMs = 1000): () => void {
  const host = globalThis as IdleCallbackHost;
  if (typeof host.requestIdleCallback === 'function') {
    const handle = host.requestIdleCallback(callback, { timeout: timeoutMs });
    return () => host.cancelIdleCallback?.(handle);
  }
  const timer = setTimeout(() => {
    const end = performance.now() + FALLBACK_SLICE_MS;
    callback({ timeRemaining: () => Math.max(0, end - performance.now()), didTimeout: false });
  }, 1);
  return () => clearTimeout(timer);
}

type SchedulerHost = { scheduler?: { yield?: () => Promise<void> } };

/**
 * Lets the browser handle input and paint before the caller goes on: `scheduler.yield()` where it
 * exists (keeps the caller's priority), else a MessageChannel task (not clamped like setTimeout).
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as SchedulerHost).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
