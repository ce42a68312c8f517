import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createBase44, type Base44Config } from '@/lib/base44/base44';
import { Base44Error } from '@/lib/base44/errors';
import { trackListQuerySchema } from '@/lib/domain/track-query';
import { json, startFakeUpstream, wireTrack, wireUser, type FakeHandler } from './support/fake-upstream';

const TOKEN = 'tok_SECRET_abc.def-123';
let upstream: Awaited<ReturnType<typeof startFakeUpstream>> | undefined;

afterEach(async () => {
  await upstream?.close();
  upstream = undefined;
});

async function connect(handler: FakeHandler, overrides: Partial<Base44Config> = {}) {
  upstream = await startFakeUpstream(handler);
  const logs: string[] = [];
  const base44 = createBase44({
    serverUrl: upstream.url,
    appId: 'app_test',
    timeoutMs: 2_000,
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    log: (line) => logs.push(line),
    ...overrides,
  });
  return { base44, hits: upstream.hits, logs };
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected the call to fail'),
    (error: unknown) => error,
  );
}

const firstPage = trackListQuerySchema.parse({});

describe('Base44 transport under upstream faults', () => {
  it('sends the app id and bearer token to the app-scoped path', async () => {
    const { base44, hits } = await connect((_, res) => json(res, 200, wireUser()));
    const me = await base44.getMe(TOKEN);
    expect(me.email).toBe('dj@example.com');
    expect(hits[0]?.url.pathname).toBe('/api/apps/app_test/entities/User/me');
    expect(hits[0]?.headers['x-app-id']).toBe('app_test');
    expect(hits[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('gives up on an upstream that hangs with a timeout error, within the deadline', async () => {
    const { base44 } = await connect(() => undefined, { timeoutMs: 300 });
    const started = performance.now();
    const error = await failure(base44.getMe(TOKEN));
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(Base44Error);
    expect((error as Base44Error).code).toBe('timeout');
    expect(elapsed).toBeGreaterThanOrEqual(280);
    expect(elapsed).toBeLessThan(800);
  });

  it('retries a read answered 503 a bounded number of times, then reports unavailable', async () => {
    const { base44, hits } = await connect((_, res) => json(res, 503, { message: 'down' }));
    const error = await failure(base44.getMe(TOKEN));
    expect((error as Base44Error).code).toBe('unavailable');
    expect(hits).toHaveLength(3);
  });

  it('recovers when a retried read succeeds', async () => {
    const { base44, hits } = await connect((_, res) =>
      hits.length < 2 ? json(res, 502, {}) : json(res, 200, wireUser()),
    );
    await expect(base44.getMe(TOKEN)).resolves.toMatchObject({ id: 'usr_1' });
    expect(hits).toHaveLength(2);
  });

  it('never retries a write: a POST answered 503 is sent exactly once', async () => {
    const { base44, hits } = await connect((_, res) => json(res, 503, {}));
    const error = await failure(base44.login('dj@example.com', 'pw'));
    expect((error as Base44Error).code).toBe('unavailable');
    expect(hits).toHaveLength(1);
  });

  it('waits out a 429 with Retry-After: 1 and then succeeds', async () => {
    const { base44, hits } = await connect((_, res) =>
      hits.length === 1 ? json(res, 429, {}, { 'retry-after': '1' }) : json(res, 200, wireUser()),
    );
    const started = performance.now();
    await expect(base44.getMe(TOKEN)).resolves.toMatchObject({ id: 'usr_1' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(hits).toHaveLength(2);
  });

  it('fails fast with rate_limited when Retry-After does not fit in the deadline', async () => {
    const { base44, hits } = await connect((_, res) => json(res, 429, {}, { 'retry-after': '30' }));
    const started = performance.now();
    const error = (await failure(base44.getMe(TOKEN))) as Base44Error;
    expect(performance.now() - started).toBeLessThan(500);
    expect(error.code).toBe('rate_limited');
    expect(error.retryAfterSeconds).toBe(30);
    expect(hits).toHaveLength(1);
    // The app is over budget: the next read does not even go upstream.
    const again = (await failure(base44.getMe(TOKEN))) as Base44Error;
    expect(again.code).toBe('rate_limited');
    expect(again.retryAfterSeconds).toBeGreaterThan(25);
    expect(hits).toHaveLength(1);
  });

  it('reports a malformed record as bad_response', async () => {
    const { base44 } = await connect((_, res) => json(res, 200, wireTrack({ title: 42 })));
    const error = (await failure(base44.getTrack(TOKEN, 'trk_1'))) as Base44Error;
    expect(error.code).toBe('bad_response');
    expect(error.detail).toContain('title');
  });

  it('reports a record without an id, and a body that is not JSON, as bad_response', async () => {
    const noId = await connect((_, res) => json(res, 200, wireUser({ id: undefined })));
    expect(((await failure(noId.base44.getMe(TOKEN))) as Base44Error).code).toBe('bad_response');
    await upstream?.close();
    const html = await connect((_, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html>');
    });
    expect(((await failure(html.base44.getMe(TOKEN))) as Base44Error).code).toBe('bad_response');
  });

  it('skips a malformed record in a list, and says so in the log', async () => {
    const { base44, logs } = await connect((hit, res) =>
      hit.url.pathname.endsWith('/count')
        ? json(res, 200, { count: 3 })
        : json(res, 200, [wireTrack({ id: 'a' }), { id: 'b', title: null }, wireTrack({ id: 'c' })]),
    );
    const page = await base44.listTracks(TOKEN, firstPage);
    expect(page.items.map((t) => t.id)).toEqual(['a', 'c']);
    expect(page.total).toBe(3);
    expect(logs.join('\n')).toMatch(/skipped 1 malformed Track record\(s\): #1 id=b \(title/);
  });

  it('aborts the upstream call when the caller aborts', async () => {
    const { base44, hits } = await connect(() => undefined);
    const caller = new AbortController();
    const pending = base44.getMe(TOKEN, { signal: caller.signal });
    await waitFor(() => hits.length === 1);
    caller.abort();
    const error = await failure(pending);
    expect((error as Error).name).toBe('AbortError');
    await expect(withTimeout(hits[0]!.closedEarly, 1_000)).resolves.toBe('settled');
  });

  it('aborts a shared catalogue call only when every caller has gone', async () => {
    const { base44, hits } = await connect(() => undefined);
    const first = new AbortController();
    const second = new AbortController();
    const a = failure(base44.listTracks('token-a', firstPage, { signal: first.signal }));
    const b = failure(base44.listTracks('token-b', firstPage, { signal: second.signal }));
    await waitFor(() => hits.length === 2); // one list call and one count call, shared
    first.abort();
    expect(await withTimeout(hits[0]!.closedEarly, 200)).toBe('timed out');
    second.abort();
    expect(await withTimeout(hits[0]!.closedEarly, 1_000)).toBe('settled');
    expect(((await a) as Error).name).toBe('AbortError');
    expect(((await b) as Error).name).toBe('AbortError');
  });

  it('never puts the token in an error, even when the upstream echoes it back', async () => {
    const { base44 } = await connect((hit, res) =>
      json(res, 400, { message: `bad request with ${hit.headers.authorization}`, token: TOKEN }),
    );
    const error = (await failure(base44.getMe(TOKEN))) as Base44Error;
    expect(error.code).toBe('bad_request');
    for (const text of [error.message, String(error), JSON.stringify(error), error.detail ?? '', inspect(error)]) {
      expect(text).not.toContain(TOKEN);
    }
    expect(error.detail).toContain('[redacted]');
  });

  it('never puts the token in a network error', async () => {
    const base44 = createBase44({ serverUrl: 'http://127.0.0.1:9', appId: 'a', timeoutMs: 1_000, retry: { attempts: 1 } });
    const error = (await failure(base44.getMe(TOKEN))) as Base44Error;
    expect(error.code).toBe('unavailable');
    expect(`${String(error)} ${JSON.stringify(error)} ${inspect(error)}`).not.toContain(TOKEN);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function withTimeout(promise: Promise<unknown>, ms: number): Promise<'settled' | 'timed out'> {
  return Promise.race([
    promise.then(() => 'settled' as const),
    new Promise<'timed out'>((resolve) => setTimeout(() => resolve('timed out'), ms)),
  ]);
}
