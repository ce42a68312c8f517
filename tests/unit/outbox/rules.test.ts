import { describe, expect, it } from 'vitest';
import { backoffCeilingMs, backoffDelayMs } from '@/lib/offline/outbox/backoff';
import { classifyDelivery, retryAfterMs } from '@/lib/offline/outbox/rules';

const applied = (body: unknown) => (body as { ok?: boolean } | undefined)?.ok === true;
const answer = (status: number, body?: unknown, retryAfter?: string) => classifyDelivery({ status, body, retryAfter }, applied);

describe('delivery rules: which answers delete, keep or retry an entry', () => {
  it.each([200, 201, 204, 299])('%i with our answer → delivered (deleted)', (status) => {
    expect(answer(status, { ok: true })).toEqual({ kind: 'delivered', body: { ok: true } });
  });

  it('a 2xx that is not our answer (captive portal, proxy page) → retry, not delivered', () => {
    expect(answer(200, undefined).kind).toBe('retry');
    expect(answer(200, { hello: 'portal' }).kind).toBe('retry');
  });

  it.each([401, 403])('%i → kept, the DJ is asked to sign in', (status) => {
    const outcome = answer(status, { error: { code: 'session_expired', message: 'Your session has expired. Sign in again.' } });
    expect(outcome).toEqual({ kind: 'needs-auth', reason: 'Your session has expired. Sign in again.' });
    expect(answer(status).kind).toBe('needs-auth');
  });

  it.each([400, 404, 409, 410, 413, 415, 422])('%i → kept, marked failed, with why', (status) => {
    expect(answer(status, { error: { code: 'invalid_input', message: 'Invalid body', issues: [{ path: 'venue', message: 'Say where' }] } })).toEqual({
      kind: 'rejected',
      reason: 'Invalid body (venue: Say where)',
    });
    expect(answer(status)).toEqual({ kind: 'rejected', reason: `The server refused it (${status})` });
  });

  it('a kind may tell a refusal in its own words; 409 overlapping_set is final, never a retry', () => {
    const body = { error: { code: 'overlapping_set', message: 'Overlaps', details: { otherSetId: 's1' } } };
    expect(classifyDelivery({ status: 409, body }, applied, () => 'Overlaps the set at Fabric')).toEqual({ kind: 'rejected', reason: 'Overlaps the set at Fabric' });
    expect(classifyDelivery({ status: 409, body }, applied, () => null)).toEqual({ kind: 'rejected', reason: 'Overlaps' });
  });

  it.each([500, 502, 503, 504, 408, 425, 429])('%i → retry with backoff', (status) => {
    const outcome = answer(status, { error: { message: 'busy' } });
    expect(outcome).toMatchObject({ kind: 'retry', offline: false, reason: 'busy' });
  });

  it('honours Retry-After on a retry', () => {
    expect(answer(503, undefined, '7')).toMatchObject({ kind: 'retry', retryAfterMs: 7000 });
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(retryAfterMs('soon')).toBeNull();
  });

  it('no answer at all (network error, timeout) → retry, flagged offline', () => {
    expect(classifyDelivery({ status: 0, body: undefined, error: 'No connection' }, applied)).toEqual({
      kind: 'retry', reason: 'No connection', offline: true, retryAfterMs: null,
    });
  });

  it('a redirect (opaque, status 0 with manual redirects, or a 3xx) is never delivered', () => {
    expect(answer(302).kind).toBe('retry');
  });
});

describe('backoff schedule: capped exponential with full jitter', () => {
  it('ceilings double from 1 s and stop at 60 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20, 1000].map((n) => backoffCeilingMs(n))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000, 60_000,
    ]);
  });

  it('the delay is uniform in [0, ceiling): random 0 → 0, random → 1 just under the ceiling', () => {
    expect(backoffDelayMs(3, () => 0)).toBe(0);
    expect(backoffDelayMs(3, () => 0.5)).toBe(2000);
    expect(backoffDelayMs(3, () => 0.999999)).toBe(3999);
    expect(backoffDelayMs(50, () => 0.999999)).toBeLessThan(60_000);
  });

  it('over many draws, delays spread across the whole range (no lockstep)', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const delays = Array.from({ length: 2000 }, () => backoffDelayMs(4, random));
    expect(Math.min(...delays)).toBeLessThan(400);
    expect(Math.max(...delays)).toBeGreaterThan(7600);
    const mean = delays.reduce((a, b) => a + b, 0) / delays.length;
    expect(mean).toBeGreaterThan(3600);
    expect(mean).toBeLessThan(4400);
  });

  it('a custom policy is respected', () => {
    expect(backoffCeilingMs(4, { baseMs: 100, capMs: 500 })).toBe(500);
  });
});
