import { afterEach, describe, expect, it } from 'vitest';
import { catalogueFreshness } from '@/lib/base44/catalogue';
import { trackListQuerySchema } from '@/lib/domain/track-query';
import type { Page, Track } from '@/lib/domain/types';
import { distinctTokens, startEmbedded } from './support/embedded';

const LIST = 'GET /entities/Track';
const COUNT = 'GET /entities/Track/count';
let env: Awaited<ReturnType<typeof startEmbedded>> | undefined;
afterEach(() => {
  env?.close();
  env = undefined;
});

const query = (input: Record<string, string> = {}) => trackListQuerySchema.parse(input);

describe('upstream budget against the embedded backend', () => {
  it('answers 100 DJs asking at once with one list call and one count call', async () => {
    env = await startEmbedded();
    const { base44, backend, calls, clock } = env;
    const tokens = await distinctTokens(base44, backend.appId, 100);
    expect(new Set(tokens).size).toBe(100);
    await expect(base44.getMe(tokens[99]!)).resolves.toMatchObject({ email: 'dj@spynners.local' });
    backend.resetStats();

    const pages = await Promise.all(tokens.map((token) => base44.listTracks(token, query({ pageSize: '5' }))));
    expect([calls(LIST), calls(COUNT)]).toEqual([1, 1]);
    expect(pages[0]!.items).toHaveLength(5);
    expect(pages[0]!.total).toBeGreaterThan(5);
    expect(new Set(pages.map((p) => JSON.stringify(p))).size).toBe(1);

    clock.now += 30_000; // within the 60 s window: no upstream call at all
    await Promise.all(tokens.map((token) => base44.listTracks(token, query({ pageSize: '5' }))));
    expect([calls(LIST), calls(COUNT)]).toEqual([1, 1]);

    base44.invalidateCatalogue();
    await Promise.all(tokens.slice(0, 10).map((token) => base44.listTracks(token, query({ pageSize: '5' }))));
    expect([calls(LIST), calls(COUNT)]).toEqual([2, 2]);
    expect(backend.stats.requests).toBe(4);
  });

  it('answers a cold burst of 30 DJs within a limit of 3 calls per minute', async () => {
    env = await startEmbedded({ rateLimit: { limit: 3, windowMs: 60_000 } });
    const { base44, backend, calls } = env;
    const tokens = await distinctTokens(base44, backend.appId, 30);
    backend.resetStats();
    const pages = await Promise.all(tokens.map((token) => base44.listTracks(token, query({ genre: 'Tech House' }))));
    expect(pages.every((p) => catalogueFreshness(p)?.source === 'upstream')).toBe(true);
    expect([calls(LIST), calls(COUNT)]).toEqual([1, 1]);
  });

  it('answers every DJ of a burst over the rate limit, from stale data, without a 429 error', async () => {
    // The limit is exactly what warming five reads costs (five lists, three counts: the first
    // three share one filter, hence one count), so once the cache is stale every upstream call
    // of the burst gets a 429 in the same window.
    env = await startEmbedded({ rateLimit: { limit: 8, windowMs: 60_000 } });
    const { base44, backend, calls, clock } = env;
    const tokens = await distinctTokens(base44, backend.appId, 30);
    const queries = [
      query({ pageSize: '4' }),
      query({ pageSize: '4', page: '2' }),
      query({ sort: 'downloads' }),
      query({ sort: 'rating', energy: 'high' }),
      query({ search: 'a' }),
    ];
    backend.resetStats();
    const warm: Page<Track>[] = [];
    for (const q of queries) warm.push(await base44.listTracks(tokens[0]!, q));
    expect([calls(LIST), calls(COUNT)]).toEqual([5, 3]);
    clock.now += 61_000;
    backend.resetStats();

    const burst = tokens.flatMap((token) => queries.map((q, i) => ({ i, answer: base44.listTracks(token, q) })));
    const settled = await Promise.allSettled(burst.map((b) => b.answer));

    expect(settled.filter((s) => s.status === 'rejected')).toEqual([]);
    settled.forEach((s, n) => {
      const page = (s as PromiseFulfilledResult<Page<Track>>).value;
      expect(page).toEqual(warm[burst[n]!.i]);
      expect(catalogueFreshness(page)).toEqual({ source: 'stale', ageSeconds: 61 });
    });
    // Upstream was tried (and refused) at most once per distinct read, usually just once in all.
    expect(calls(LIST) + calls(COUNT)).toBeGreaterThanOrEqual(1);
    expect(calls(LIST) + calls(COUNT)).toBeLessThanOrEqual(8);
  });
});
