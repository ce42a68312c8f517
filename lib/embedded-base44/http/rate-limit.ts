import { HttpError } from './errors';

export interface RateLimit {
  readonly limit: number;
  readonly windowMs: number;
}

/**
 * Fixed-window limiter for one app, like Base44's documented "N requests per minute per app" on
 * entity listing: over the limit a call gets 429 with `Retry-After` (whole seconds until the
 * window turns over).
 */
export function createRateLimiter(config: RateLimit | null, now: () => number = Date.now) {
  let windowStart = 0;
  let used = 0;
  return {
    take(): void {
      if (!config) return;
      const time = now();
      if (time - windowStart >= config.windowMs) {
        windowStart = time;
        used = 0;
      }
      if (used >= config.limit) {
        const retryAfter = Math.max(1, Math.ceil((windowStart + config.windowMs - time) / 1000));
        throw new HttpError(
          429,
          `Rate limit exceeded: ${config.limit} requests per ${config.windowMs / 1000} s`,
          'rate_limited',
          { retry_after: retryAfter },
          { 'retry-after': String(retryAfter) },
        );
      }
      used += 1;
    },
  };
}

/** Parses `100/min`, `10/s`, `1000/hour` (or `100/60s`) as used by the CLI. */
export function parseRateLimit(text: string): RateLimit {
  const match = /^(\d+)\s*\/\s*(\d*)\s*(s|sec|second|m|min|minute|h|hour)$/i.exec(text.trim());
  if (!match) throw new Error(`Invalid rate limit "${text}": use e.g. 100/min`);
  const unitMs = { s: 1000, m: 60_000, h: 3_600_000 }[match[3]!.toLowerCase()[0] as 's' | 'm' | 'h'];
  const limit = Number(match[1]);
  if (limit < 1) throw new Error('A rate limit must allow at least one request');
  return { limit, windowMs: (match[2] ? Number(match[2]) : 1) * unitMs };
}
