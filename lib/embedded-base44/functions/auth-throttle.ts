import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { ENTITIES } from '../entities/definitions';
import { readJsonBody } from '../http/body';
import { badRequest, forbidden, jsonResponse } from '../http/errors';
import type { Route } from '../http/router';
import { compileFilter } from '../query/filter';
import type { Services } from '../services';
import type { EntityStore } from '../store/entity-store';
import { newRecord, updatedRecord } from '../store/records';

// POST /functions/authThrottle: the sign-in / sign-up attempt counters of every console instance.
// Nobody is signed in when they are counted, so the caller proves it is the console with the
// shared key (X-Console-Key), not with a member's token. The counting policy (budgets, delays)
// stays in the console; this keeps fixed-window counters, atomically:
//   {op:'hit', counters:[{key, window_seconds}]} → each counter +1 (a new window when the last one
//       ended) → {counters:[{key, count, resets_at}]}
//   {op:'succeed', clear:[key], refund:[key]} → clear: removed; refund: -1 (not below 0)

export const CONSOLE_KEY_HEADER = 'x-console-key';
const MAX_KEYS = 8;
/** Old counters removed per hit: enough to keep up, bounded so a hit stays quick. */
const SWEEP_BATCH = 50;

const key = z.string().regex(/^[A-Za-z0-9:_-]{1,100}$/, 'a counter key is 1-100 of A-Z a-z 0-9 : _ -');
const inputSchema = z.discriminatedUnion('op', [
  z.strictObject({
    op: z.literal('hit'),
    counters: z.array(z.strictObject({ key, window_seconds: z.number().int().min(1).max(7 * 86400) })).min(1).max(MAX_KEYS),
  }),
  z.strictObject({
    op: z.literal('succeed'),
    clear: z.array(key).max(MAX_KEYS).default([]),
    refund: z.array(key).max(MAX_KEYS).default([]),
  }),
]);

export interface ThrottleCounter {
  key: string;
  count: number;
  resets_at: string;
}

export function authThrottleRoute(services: Services): Route {
  return {
    method: 'POST',
    pattern: '/functions/authThrottle',
    access: 'public',
    async handle({ request }) {
      assertConsoleKey(services.consoleKey, request.headers.get(CONSOLE_KEY_HEADER));
      const parsed = inputSchema.safeParse(await readJsonBody(request, 16 * 1024));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw badRequest(`authThrottle: ${issue?.path.join('.')} ${issue?.message}`);
      }
      const input = parsed.data;
      const now = Date.now();
      if (input.op === 'hit') {
        return jsonResponse({ counters: services.store.transaction(() => hit(services.store, input.counters, now)) });
      }
      services.store.transaction(() => succeed(services.store, input.clear, input.refund, now));
      return jsonResponse({ success: true });
    },
  };
}

function assertConsoleKey(expected: string | null, given: string | null): void {
  if (!expected) throw forbidden('authThrottle is not enabled on this backend (no console key)');
  const digest = (value: string) => createHash('sha256').update(value).digest();
  if (!given || !timingSafeEqual(digest(expected), digest(given))) throw forbidden('authThrottle needs the console key');
}

function counterRecord(store: EntityStore, counterKey: string) {
  const [id] = store.ids('AuthThrottle', compileFilter(ENTITIES.AuthThrottle, { key: counterKey }), 1);
  return id ? store.get('AuthThrottle', id) : null;
}

function hit(store: EntityStore, counters: { key: string; window_seconds: number }[], now: number): ThrottleCounter[] {
  sweep(store, now);
  return counters.map(({ key: counterKey, window_seconds }) => {
    const existing = counterRecord(store, counterKey);
    const live = existing && Date.parse(String(existing.resets_at)) > now;
    const fields = live
      ? { count: Number(existing.count) + 1, resets_at: String(existing.resets_at) }
      : { count: 1, resets_at: new Date(now + window_seconds * 1000).toISOString() };
    if (existing) store.replace('AuthThrottle', updatedRecord(existing, fields));
    else store.insert('AuthThrottle', newRecord({ key: counterKey, ...fields }, null));
    return { key: counterKey, ...fields };
  });
}

function succeed(store: EntityStore, clear: string[], refund: string[], now: number): void {
  for (const counterKey of clear) {
    const existing = counterRecord(store, counterKey);
    if (existing) store.delete('AuthThrottle', existing.id);
  }
  for (const counterKey of refund) {
    const existing = counterRecord(store, counterKey);
    if (existing && Date.parse(String(existing.resets_at)) > now) {
      store.replace('AuthThrottle', updatedRecord(existing, { count: Math.max(0, Number(existing.count) - 1) }));
    }
  }
}

/** Counters whose window ended are only history: removed a few at a time. */
function sweep(store: EntityStore, now: number): void {
  const ended = compileFilter(ENTITIES.AuthThrottle, { resets_at: { $lte: new Date(now).toISOString() } });
  for (const id of store.ids('AuthThrottle', ended, SWEEP_BATCH)) store.delete('AuthThrottle', id);
}
