import { afterEach, describe, expect, it } from 'vitest';
import { createBase44, type Base44Config } from '@/lib/base44/base44';
import { catalogueFreshness } from '@/lib/base44/catalogue';
import { Base44Error } from '@/lib/base44/errors';
import { trackListQuerySchema } from '@/lib/domain/track-query';
import { json, startFakeUpstream, wireTrack, wireUser, type FakeHandler, type Hit } from './support/fake-upstream';

let upstream: Awaited<ReturnType<typeof startFakeUpstream>> | undefined;
afterEach(async () => {
  await upstream?.close();
  upstream = undefined;
});

/** A catalogue upstream whose behaviour a test can switch, with a clock the test moves. */
async function catalogue(overrides: Partial<Base44Config> = {}) {
  let failWith: ((hit: Hit, res: Parameters<FakeHandler>[1]) => void) | null = null;
  let tracks = [wireTrack({ id: 'a' }), wireTrack({ id: 'b', cover_url: 'https://files.example/b.jpg' })];
  upstream = await startFakeUpstream((hit, res) => {
    if (failWith) return failWith(hit, res);
    if (hit.headers.authorization === 'Bearer expired') return json(res, 401, { message: 'expired' });
    const path = hit.url.pathname.replace('/api/apps/app_test', '');
    if (path === '/entities/Track/count') return json(res, 200, { count: tracks.length });
    if (path === '/entities/Track') return setTimeout(() => json(res, 200, tracks), 20);
    if (path === '/entities/User/me') return json(res, 200, wireUser({ email: hit.headers.authorization }));
    const single = /^\/entities\/Track\/(.+)$/.exec(path);
    if (single) return json(res, 200, wireTrack({ id: decodeURIComponent(single[1]!), status: 'pending' }));
    json(res, 404, {});
  });
  const clock = { now: 1_000_000 };
  const base44 = createBase44({
    serverUrl: upstream.url,
    appId: 'app_test',
    timeoutMs: 2_000,
    retry: { attempts: 1 },
    cache: { now: () => clock.now },
    ...overrides,
  });
  const hits = upstream.hits;
  const calls = (path: string) => hits.filter((h) => h.url.pathname.endsWith(path)).length;
  return {
    base44, hits, clock, calls,
    failWith: (handler: typeof failWith) => (failWith = handler),
    setTracks: (next: Record<string, unknown>[]) => (tracks = next),
  };
}

const query = (input: Record<string, string> = {}) => trackListQuerySchema.parse(input);

describe('catalogue reads', () => {
  it('sends sort, paging and the filter as q, and nothing else', async () => {
    const { base44, hits } = await catalogue();
    await base44.listTracks('t', query({
      page: '3', pageSize: '20', sort: 'downloads', genre: 'Drum & Bass', energy: 'very_high',
      bpmMin: '120', bpmMax: '128', key: '8a', vipOnly: 'true', search: 'a.b (c)*',
    }));
    const list = hits.find((h) => h.url.pathname.endsWith('/entities/Track'))!;
    const count = hits.find((h) => h.url.pathname.endsWith('/entities/Track/count'))!;
    expect([...list.url.searchParams.keys()].sort()).toEqual(['limit', 'q', 'skip', 'sort']);
    expect(list.url.searchParams.get('sort')).toBe('-download_count');
    expect(list.url.searchParams.get('limit')).toBe('20');
    expect(list.url.searchParams.get('skip')).toBe('40');
    expect([...count.url.searchParams.keys()]).toEqual(['q']);
    expect(count.url.searchParams.get('q')).toBe(list.url.searchParams.get('q'));
    const q = JSON.parse(list.url.searchParams.get('q')!);
    expect(q).toMatchObject({
      status: 'approved',
      energy_level: { $in: ['very_high', 'Very High'] },
      bpm: { $gte: 120, $lte: 128 },
      key: '8A',
      is_vip: true,
    });
    expect(q.genre.$in).toEqual(expect.arrayContaining(['Drum & Bass', 'Drum and Bass']));
    expect(q.$or).toContainEqual({ title: { $regex: 'a\\.b \\(c\\)\\*', $options: 'i' } });
    expect(q.$or.map((c: object) => Object.keys(c)[0])).toEqual(
      expect.arrayContaining(['title', 'producer_name', 'artist_name', 'label_name', 'genre']),
    );
  });

  it.each([['newest', '-created_date'], ['rating', '-average_rating']])('sorts %s by %s', async (sort, wire) => {
    const { base44, hits } = await catalogue();
    await base44.listTracks('t', query({ sort }));
    expect(hits.find((h) => h.url.pathname.endsWith('/entities/Track'))!.url.searchParams.get('sort')).toBe(wire);
  });

  it('serves a repeated read from the cache for 60 seconds, then asks upstream again', async () => {
    const { base44, clock, calls } = await catalogue();
    const first = await base44.listTracks('t1', query());
    expect(catalogueFreshness(first)).toEqual({ source: 'upstream', ageSeconds: 0 });
    clock.now += 59_000;
    const second = await base44.listTracks('t2', query());
    expect(second.items.map((t) => t.id)).toEqual(['a', 'b']);
    expect(catalogueFreshness(second)).toEqual({ source: 'cache', ageSeconds: 59 });
    expect([calls('/entities/Track'), calls('/count')]).toEqual([1, 1]);
    clock.now += 2_000;
    await base44.listTracks('t3', query());
    expect([calls('/entities/Track'), calls('/count')]).toEqual([2, 2]);
  });

  it('shares one upstream call between concurrent identical reads with different tokens', async () => {
    const { base44, hits, calls } = await catalogue();
    const pages = await Promise.all(Array.from({ length: 20 }, (_, i) => base44.listTracks(`token-${i}`, query())));
    expect(pages.every((p) => p.total === 2 && p.items.length === 2)).toBe(true);
    expect([calls('/entities/Track'), calls('/count')]).toEqual([1, 1]);
    expect(hits.every((h) => h.headers.authorization === 'Bearer token-0')).toBe(true);
  });

  it('does not hand one caller the rejection of another caller\'s token', async () => {
    const { base44 } = await catalogue();
    const [expired, good] = await Promise.allSettled([
      base44.listTracks('expired', query()),
      base44.listTracks('good', query()),
    ]);
    expect(expired.status === 'rejected' && (expired.reason as Base44Error).code).toBe('unauthorized');
    expect(good.status === 'fulfilled' && good.value.total).toBe(2);
  });

  it('serves stale data with its age when the upstream fails, for up to 10 minutes', async () => {
    const { base44, clock, failWith } = await catalogue();
    await base44.listTracks('t', query());
    failWith((_, res) => json(res, 503, {}));
    clock.now += 5 * 60_000;
    const stale = await base44.listTracks('t', query());
    expect(stale.items).toHaveLength(2);
    expect(catalogueFreshness(stale)).toEqual({ source: 'stale', ageSeconds: 300 });
    clock.now += 6 * 60_000;
    await expect(base44.listTracks('t', query())).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('answers from stale data at once on a 429 instead of waiting out Retry-After', async () => {
    const { base44, clock, failWith, hits } = await catalogue({ retry: { attempts: 3 } });
    await base44.listTracks('t', query());
    failWith((_, res) => json(res, 429, {}, { 'retry-after': '1' }));
    clock.now += 61_000;
    const started = performance.now();
    const page = await base44.listTracks('t', query());
    expect(performance.now() - started).toBeLessThan(500);
    expect(catalogueFreshness(page)?.source).toBe('stale');
    expect(hits).toHaveLength(4); // the first list + count, then one 429 each
  });

  it('goes upstream again after invalidateCatalogue, even within the fresh window', async () => {
    const { base44, calls, setTracks } = await catalogue();
    await base44.listTracks('t', query());
    setTracks([wireTrack({ id: 'c' })]);
    base44.invalidateCatalogue();
    const page = await base44.listTracks('t', query());
    expect(page.items.map((t) => t.id)).toEqual(['c']);
    expect(calls('/entities/Track')).toBe(2);
  });

  it('does not keep as fresh a read that was in flight when the catalogue was invalidated', async () => {
    const { base44, calls } = await catalogue();
    const pending = base44.listTracks('t', query());
    base44.invalidateCatalogue();
    await pending;
    await base44.listTracks('t', query());
    expect(calls('/entities/Track')).toBe(2);
  });

  it('serves a listed approved track and its media source without another upstream call', async () => {
    const { base44, hits } = await catalogue();
    await base44.listTracks('t', query());
    const before = hits.length;
    await expect(base44.getTrack('other', 'b')).resolves.toMatchObject({ id: 'b', artworkUrl: '/api/tracks/b/artwork' });
    await expect(base44.getTrackMediaSource('other', 'b', 'artwork')).resolves.toBe('https://files.example/b.jpg');
    await expect(base44.getTrackMediaSource('other', 'b', 'audio')).resolves.toBe('https://files.example/trk_1.mp3');
    expect(hits.length).toBe(before);
  });

  it('never shares or caches a track that is not approved', async () => {
    const { base44, calls } = await catalogue();
    const [mine, theirs] = await Promise.all([base44.getTrack('owner', 'p1'), base44.getTrack('someone', 'p1')]);
    expect(mine.status).toBe('pending');
    expect(theirs.status).toBe('pending');
    expect(calls('/entities/Track/p1')).toBe(2);
    await base44.getTrack('owner', 'p1');
    expect(calls('/entities/Track/p1')).toBe(3);
  });

  it('never shares per-user reads between tokens', async () => {
    const { base44, calls } = await catalogue();
    const [a, b] = await Promise.all([base44.getMe('alice'), base44.getMe('bob')]);
    expect([a.email, b.email]).toEqual(['Bearer alice', 'Bearer bob']);
    expect(calls('/entities/User/me')).toBe(2);
  });
});
