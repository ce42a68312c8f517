// The data source's sign-in / sign-up attempt counters: `POST /functions/authThrottle`, called with
// the console's shared key (nobody is signed in yet). The function keeps fixed-window counters;
// the console decides what they mean (lib/auth/throttle). Contract: lib/embedded-base44/functions/auth-throttle.ts.
import { z } from 'zod';
import type { Base44Client } from './client';
import { Base44Error } from './errors';
import { count, optionalTimestamp } from './wire';

export const CONSOLE_KEY_HEADER = 'X-Console-Key';

export interface CounterHit {
  key: string;
  windowSeconds: number;
}

export interface CounterState {
  key: string;
  count: number;
  resetsAt: number;
}

const unwrapped = (raw: unknown) => {
  const wrapped = raw as { data?: unknown } | null;
  return wrapped && typeof wrapped === 'object' && !('counters' in wrapped) && wrapped.data ? wrapped.data : raw;
};

const hitAnswerSchema = z.preprocess(
  unwrapped,
  z.looseObject({
    counters: z.array(z.looseObject({ key: z.string(), count, resets_at: optionalTimestamp })),
  }),
);

export function authThrottleVerbs(client: Base44Client, consoleKey: string | null) {
  function headers(): Record<string, string> {
    if (!consoleKey) throw new Base44Error('unavailable', { detail: 'no console key for the authThrottle function' });
    return { [CONSOLE_KEY_HEADER]: consoleKey };
  }

  /** Adds one to each counter (a new window when its last one ended); the counts after. */
  async function hitCounters(hits: CounterHit[]): Promise<CounterState[]> {
    const answer = await client.request({
      method: 'POST',
      path: '/functions/authThrottle',
      headers: headers(),
      body: { op: 'hit', counters: hits.map((h) => ({ key: h.key, window_seconds: h.windowSeconds })) },
      schema: hitAnswerSchema,
    });
    return hits.map(({ key, windowSeconds }) => {
      const found = answer.counters.find((c) => c.key === key);
      if (!found) throw new Base44Error('bad_response', { detail: 'authThrottle answered without a counter asked for' });
      return { key, count: found.count, resetsAt: found.resets_at ? Date.parse(found.resets_at) : Date.now() + windowSeconds * 1000 };
    });
  }

  /** After a success: `clear` counters are removed, `refund` counters lose the attempt just counted. */
  async function settleCounters(change: { clear: string[]; refund: string[] }): Promise<void> {
    await client.request({
      method: 'POST',
      path: '/functions/authThrottle',
      headers: headers(),
      body: { op: 'succeed', clear: change.clear, refund: change.refund },
      schema: z.unknown(),
    });
  }

  return { hitCounters, settleCounters, hasConsoleKey: consoleKey !== null };
}
