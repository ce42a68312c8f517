import type { CounterStore } from './counters';
import type { AttemptPlan } from './plans';
import { decide } from './policy';

export type AttemptOutcome<T> = { kind: 'refused'; retryAfterSeconds: number } | { kind: 'done'; value: T; delayedMs: number };

export interface AttemptOptions {
  signal?: AbortSignal;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * Counts the attempt, then refuses it, or runs it (after its delay). A success settles the
 * counters (`plan.onSuccess`); a failure, or an attempt that throws, stays counted.
 */
export async function throttledAttempt<T>(
  counters: CounterStore,
  plan: AttemptPlan,
  run: () => Promise<T>,
  succeeded: (value: T) => boolean,
  options: AttemptOptions = {},
): Promise<AttemptOutcome<T>> {
  const now = options.now ?? Date.now;
  const readings = await counters.hit(plan.budgets.map((b) => ({ key: b.key, windowSeconds: b.windowSeconds })));
  const decision = decide(plan.budgets, readings, now());
  if (decision.kind === 'refuse') return { kind: 'refused', retryAfterSeconds: decision.retryAfterSeconds };
  if (decision.delayMs > 0) await (options.sleep ?? sleep)(decision.delayMs, options.signal);
  const value = await run();
  if (succeeded(value)) {
    await counters.settle(plan.onSuccess).catch((error: unknown) => console.warn('[auth] could not settle throttle counters', error));
  }
  return { kind: 'done', value, delayedMs: decision.delayMs };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
