// When an outbox entry that failed for a transient reason (5xx, 429, timeout, no network) is tried
// again: capped exponential backoff with full jitter (AWS "Exponential Backoff and Jitter"), so a
// room full of iPads coming back online does not hit the server in lockstep.

export interface BackoffPolicy {
  /** The ceiling after the first failure. */
  baseMs: number;
  /** No wait is ever longer than this. */
  capMs: number;
}

export const OUTBOX_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 60_000 };

/** The ceiling of the wait after `failures` consecutive failures (1, 2, 3...): base·2^(n−1), capped. */
export function backoffCeilingMs(failures: number, policy: BackoffPolicy = OUTBOX_BACKOFF): number {
  const exponent = Math.max(0, Math.min(30, failures - 1));
  return Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
}

/** Full jitter: uniformly anywhere in [0, ceiling). `random` is Math.random in the browser. */
export function backoffDelayMs(failures: number, random: () => number, policy: BackoffPolicy = OUTBOX_BACKOFF): number {
  return Math.floor(random() * backoffCeilingMs(failures, policy));
}
