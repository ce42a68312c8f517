// The delivery rules: what one answer (or the lack of one) means for an outbox entry. Pure, shared by
// the page and the service worker, unit-tested.

export type DeliveryOutcome =
  /** The server applied it (2xx, or "already applied"): delete the entry. */
  | { kind: 'delivered'; body: unknown }
  /** Try again later (5xx, 408, 425, 429, a timeout, no network, a 2xx that is not our answer). */
  | { kind: 'retry'; reason: string; offline: boolean; retryAfterMs: number | null }
  /** Keep it and ask the DJ to sign in (401, 403). */
  | { kind: 'needs-auth'; reason: string }
  /** Keep it, mark it failed and show why (other 4xx: the server refused this data). */
  | { kind: 'rejected'; reason: string };

/** What came back from one send. `status` 0 means no answer (network error, timeout, aborted). */
export interface SendResult {
  status: number;
  /** The parsed JSON body, or undefined when it was not JSON (or there was none). */
  body: unknown;
  /** The Retry-After header, if any. */
  retryAfter?: string | null;
  /** For status 0: what happened. */
  error?: string;
}

const RETRYABLE_4XX = new Set([408, 425, 429]);

/**
 * `isApplied` checks that a 2xx body is really the server's answer for this kind: a captive portal
 * or a proxy page answering 200 must not count as delivered. `describeRefusal` may tell a refusal
 * (4xx) in the kind's own words.
 */
export function classifyDelivery(
  result: SendResult,
  isApplied: (body: unknown) => boolean,
  describeRefusal: (body: unknown) => string | null = () => null,
): DeliveryOutcome {
  const { status } = result;
  if (status === 0) {
    return { kind: 'retry', reason: result.error ?? 'No connection to the server', offline: true, retryAfterMs: null };
  }
  if (status >= 200 && status < 300) {
    if (isApplied(result.body)) return { kind: 'delivered', body: result.body };
    return { kind: 'retry', reason: `Unexpected answer (${status}) from the network`, offline: false, retryAfterMs: null };
  }
  if (status === 401 || status === 403) {
    return { kind: 'needs-auth', reason: errorMessageOf(result.body) ?? 'Sign in again to send it' };
  }
  if (status >= 500 || RETRYABLE_4XX.has(status)) {
    return {
      kind: 'retry',
      reason: errorMessageOf(result.body) ?? `The server answered ${status}`,
      offline: false,
      retryAfterMs: retryAfterMs(result.retryAfter),
    };
  }
  if (status >= 400) {
    // Final: a refusal (a 409 overlapping set included) is never retried by itself; the DJ sends
    // it again or discards it.
    return { kind: 'rejected', reason: describeRefusal(result.body) ?? rejectionOf(result.body) ?? `The server refused it (${status})` };
  }
  // 1xx / 3xx never reach fetch's caller as final answers here (redirects are not followed): retry.
  return { kind: 'retry', reason: `Unexpected answer (${status})`, offline: false, retryAfterMs: null };
}

/** `{error: {message}}` (the console's error shape) → message. */
export function errorMessageOf(body: unknown): string | null {
  const error = (body as { error?: { message?: unknown } } | null | undefined)?.error;
  return typeof error?.message === 'string' && error.message.trim() !== '' ? error.message : null;
}

/** The message plus the first field issue, when the server listed them: "why" for the DJ. */
function rejectionOf(body: unknown): string | null {
  const message = errorMessageOf(body);
  const issues = (body as { error?: { issues?: Array<{ path?: unknown; message?: unknown }> } } | null)?.error?.issues;
  const first = Array.isArray(issues) ? issues[0] : undefined;
  if (message && first && typeof first.message === 'string') {
    const field = typeof first.path === 'string' && first.path ? `${first.path}: ` : '';
    return `${message} (${field}${first.message})`;
  }
  return message;
}

/** Retry-After in seconds or as an HTTP date → ms from now (null when absent or unreadable). */
export function retryAfterMs(header: string | null | undefined, now: number = Date.now()): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - now) : null;
}
