// The throttle's arithmetic, apart from where the counters live. Each attempt is counted first
// (one atomic "hit" per counter in the data source), then judged: within the free attempts it goes
// straight through, after them it waits a growing delay, over the limit it is refused until the
// counter's window ends (429 + Retry-After). Counting before judging means parallel attempts cannot
// slip past the limit together. A success settles: see SignInPlan.onSuccess.

export interface Budget {
  /** Counter key (an HMAC, see keys.ts). */
  key: string;
  limit: number;
  windowSeconds: number;
  /** Attempts in a window that are not slowed down. */
  freeAttempts: number;
}

export interface CounterReading {
  key: string;
  /** Attempts in the current window, this one included. */
  count: number;
  /** When the window ends (ms since epoch). */
  resetsAt: number;
}

export type Decision = { kind: 'allow'; delayMs: number } | { kind: 'refuse'; retryAfterSeconds: number };

export const FIRST_DELAY_MS = 1000;
export const MAX_DELAY_MS = 8000;

/** 1 s after the free attempts, doubling, at most 8 s. */
export function delayFor(count: number, freeAttempts: number): number {
  const slowed = count - freeAttempts;
  if (slowed <= 0) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (slowed - 1));
}

export function decide(budgets: readonly Budget[], readings: readonly CounterReading[], now: number): Decision {
  let retryAfterSeconds = 0;
  let delayMs = 0;
  for (const budget of budgets) {
    const reading = readings.find((r) => r.key === budget.key);
    if (!reading) continue;
    if (reading.count > budget.limit) {
      retryAfterSeconds = Math.max(retryAfterSeconds, Math.max(1, Math.ceil((reading.resetsAt - now) / 1000)));
    } else {
      delayMs = Math.max(delayMs, delayFor(reading.count, budget.freeAttempts));
    }
  }
  return retryAfterSeconds > 0 ? { kind: 'refuse', retryAfterSeconds } : { kind: 'allow', delayMs };
}
