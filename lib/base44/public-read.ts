// Reads of data every member sees alike (approved tracks): served from the shared cache while
// fresh, fetched once for all concurrent callers (whatever their tokens), and served stale when
// the upstream fails. A result or error that depends on who asked is never handed to another.
import { createHash } from 'node:crypto';
import { Base44Error, type Base44ErrorCode } from './errors';
import type { StaleIfErrorCache } from './cache';
import type { SingleFlight } from './single-flight';

export interface Freshness {
  /** upstream: fetched for this call; cache: fresh cached copy; stale: upstream failed, older copy. */
  source: 'upstream' | 'cache' | 'stale';
  ageSeconds: number;
}

export interface Fetched<T> {
  value: T;
  freshness: Freshness;
}

/** `waitOnRateLimit` is false when a stale copy can answer instead of waiting out a 429. */
export type Fetcher<T> = (token: string, signal: AbortSignal, waitOnRateLimit: boolean) => Promise<T>;

export interface PublicReadOptions<T> {
  signal?: AbortSignal;
  /** Whether a value may be cached and shared; false for, e.g., a pending track its owner sees. */
  isPublic?: (value: T) => boolean;
}

/** Upstream faults a stale copy may paper over (RFC 5861 stale-if-error). */
const STALE_OK: ReadonlySet<Base44ErrorCode> = new Set(['unavailable', 'timeout', 'rate_limited', 'bad_response']);
/** Answers that say something about the caller's token, not about the data. */
const PERSONAL: ReadonlySet<Base44ErrorCode> = new Set(['unauthorized', 'forbidden', 'not_found']);

type Outcome<T> = { token: string; ok: true; value: T } | { token: string; ok: false; error: unknown };

export function createPublicReader(cache: StaleIfErrorCache, flights: SingleFlight, tag: string) {
  return async function readPublic<T>(
    key: string,
    token: string,
    fetcher: Fetcher<T>,
    options: PublicReadOptions<T> = {},
  ): Promise<Fetched<T>> {
    const isPublic = options.isPublic ?? (() => true);
    const hit = cache.get<T>(key);
    if (hit?.fresh) return { value: hit.value, freshness: { source: 'cache', ageSeconds: seconds(hit.ageMs) } };

    const generation = cache.generation(tag);
    const attempt = (flightKey: string) =>
      flights.run<Outcome<T>>(
        flightKey,
        async (signal) => {
          try {
            const value = await fetcher(token, signal, hit === undefined);
            if (isPublic(value)) cache.set(key, value, tag, generation);
            return { token, ok: true, value };
          } catch (error) {
            return { token, ok: false, error };
          }
        },
        options.signal,
      );

    // Generation in the key: a call started before a write is not joined after it.
    let outcome = await attempt(`${key}@${generation}`);
    const leaderWasSomeoneElse = outcome.token !== token;
    if (leaderWasSomeoneElse && (outcome.ok ? !isPublic(outcome.value) : isPersonal(outcome.error))) {
      outcome = await attempt(`${key}@${generation}#${digest(token)}`);
    }
    if (outcome.ok) return { value: outcome.value, freshness: { source: 'upstream', ageSeconds: 0 } };
    if (hit && outcome.error instanceof Base44Error && STALE_OK.has(outcome.error.code)) {
      return { value: hit.value, freshness: { source: 'stale', ageSeconds: seconds(hit.ageMs) } };
    }
    throw outcome.error;
  };
}

function isPersonal(error: unknown): boolean {
  return error instanceof Base44Error && PERSONAL.has(error.code);
}

function seconds(ms: number): number {
  return Math.max(0, Math.floor(ms / 1000));
}

/** Flight keys never hold a token itself. */
function digest(token: string): string {
  return createHash('sha256').update(token).digest('base64url').slice(0, 16);
}
