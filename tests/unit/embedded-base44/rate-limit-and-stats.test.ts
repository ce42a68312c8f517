import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRateLimit } from '../../../lib/embedded-base44/http/rate-limit';
import { startTestBackend, type TestBackend } from './support';

describe('rate limit (off by default)', () => {
  let api: TestBackend;
  let dj: string;
  beforeAll(async () => {
    api = await startTestBackend({ rateLimit: { limit: 5, windowMs: 60_000 } });
    dj = await api.login('dj@spynners.local');
  });
  afterAll(() => api.close());

  it('answers 429 with Retry-After once list, filter and count calls exceed the limit', async () => {
    const calls = ['/entities/Track', '/entities/Track/count', '/entities/Playlist', '/entities/Track/v2/list', '/entities/Track'];
    for (const route of calls) expect((await api.call('GET', route, { token: dj })).status).toBe(200);
    const limited = await api.call('GET', '/entities/Track', { token: dj, query: { q: { genre: 'House' } } });
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.json).toMatchObject({ code: 'rate_limited', retry_after: retryAfter });
  });

  it('does not limit other calls', async () => {
    expect((await api.call('GET', '/entities/User/me', { token: dj })).status).toBe(200);
    expect((await api.call('POST', '/entities/Playlist', { token: dj, body: { name: 'Still works' } })).status).toBe(201);
  });

  it('is off unless configured', async () => {
    const unlimited = await startTestBackend();
    try {
      const token = await unlimited.login('dj@spynners.local');
      for (let i = 0; i < 120; i++) expect((await unlimited.call('GET', '/entities/Track', { token })).status).toBe(200);
    } finally {
      unlimited.close();
    }
  });

  it.each([
    ['100/min', { limit: 100, windowMs: 60_000 }],
    ['10/s', { limit: 10, windowMs: 1000 }],
    ['1000/hour', { limit: 1000, windowMs: 3_600_000 }],
    ['50/30s', { limit: 50, windowMs: 30_000 }],
  ])('parses %s', (text, expected) => {
    expect(parseRateLimit(text)).toEqual(expected);
  });

  it('rejects a malformed rate limit', () => {
    expect(() => parseRateLimit('fast')).toThrow(/Invalid rate limit/);
    expect(() => parseRateLimit('0/min')).toThrow();
  });
});

describe('request stats', () => {
  it('counts calls per route, resettable', async () => {
    const api = await startTestBackend();
    try {
      const dj = await api.login('dj@spynners.local');
      api.backend.resetStats();
      await api.call('GET', '/entities/Track', { token: dj });
      await api.call('GET', '/entities/Track', { token: dj, query: { q: { status: 'approved' } } });
      await api.call('GET', '/entities/Track/count', { token: dj });
      await api.call('GET', '/entities/User/me', { token: dj });
      await api.call('GET', '/entities/Track/0123', { token: dj });
      expect(api.backend.stats).toEqual({
        requests: 5,
        byRoute: {
          'GET /entities/Track': 2,
          'GET /entities/Track/count': 1,
          'GET /entities/User/me': 1,
          'GET /entities/Track/:id': 1,
        },
      });
      api.backend.resetStats();
      expect(api.backend.stats).toEqual({ requests: 0, byRoute: {} });
    } finally {
      api.close();
    }
  });
});
