import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBase44 } from '@/lib/base44/base44';
import { catalogueFreshness, catalogueVersion } from '@/lib/base44/catalogue';
import { DEMO_PASSWORD } from '@/lib/embedded-base44';
import { json, startFakeUpstream, wireTrack } from './support/fake-upstream';
import { backendCall, createMembers, startEmbedded } from './support/embedded';

// The whole approved catalogue (`listCatalogue`): paged past Base44's silent 5000 cap, sorted,
// one upstream walk shared by every member, versioned for ETags.

const LIST = 'GET /entities/Track';

describe('the whole catalogue against the embedded backend', () => {
  let env!: Awaited<ReturnType<typeof startEmbedded>>;
  let admin = '';
  let dj = '';
  let approvedCount = 0;

  beforeAll(async () => {
    env = await startEmbedded({ trackCount: 6 });
    admin = (await env.base44.login('admin@spynners.local', DEMO_PASSWORD)).accessToken;
    dj = (await env.base44.login('dj@spynners.local', DEMO_PASSWORD)).accessToken;
    const producerId = (await backendCall(env.backend, 'GET', `/entities/User?q=${encodeURIComponent('{"user_type":"producer"}')}&limit=1`, admin)).json[0].id;
    // 5103 approved and 60 pending tracks on top of the demo ones, in bulk (≤ 5000 per call).
    const made = Array.from({ length: 5163 }, (_, i) => ({
      title: `Bulk ${i}`,
      producer_id: producerId,
      genre: 'Techno',
      bpm: 120 + (i % 20),
      status: i % 86 === 85 ? 'pending' : 'approved',
      audio_url: `${env.backend.baseUrl}/api/apps/${env.backend.appId}/files/none.mp3`,
    }));
    for (let i = 0; i < made.length; i += 2600) {
      const answer = await backendCall(env.backend, 'POST', '/entities/Track/bulk', admin, made.slice(i, i + 2600));
      expect(answer.status).toBe(201);
    }
    const count = await backendCall(env.backend, 'GET', `/entities/Track/count?q=${encodeURIComponent('{"status":"approved"}')}`, admin);
    approvedCount = count.json.count;
    expect(approvedCount).toBeGreaterThan(5100);
  }, 120_000);
  afterAll(() => env.close());

  it('returns every approved track once, no other, newest first, in pages of 5000', async () => {
    env.backend.resetStats();
    const catalogue = await env.base44.listCatalogue(dj);
    expect(env.calls(LIST)).toBe(2);
    expect(catalogue.tracks).toHaveLength(approvedCount);
    expect(new Set(catalogue.tracks.map((t) => t.id)).size).toBe(approvedCount);
    expect(catalogue.tracks.every((t) => t.status === 'approved')).toBe(true);
    expect(catalogue.tracks.some((t) => t.title === 'Bulk 85')).toBe(false); // a pending one
    const dates = catalogue.tracks.map((t) => t.createdAt);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(Date.parse(catalogue.generatedAt)).not.toBeNaN();
    expect(catalogueFreshness(catalogue)).toEqual({ source: 'upstream', ageSeconds: 0 });
    expect(catalogue.tracks[0]!.audioUrl).toMatch(/^\/api\/tracks\/[^/]+\/audio$/);
  });

  it('serves every member from one shared walk until invalidated, with a stable version', async () => {
    env.base44.invalidateCatalogue();
    env.backend.resetStats();
    const members = await createMembers(env.backend, admin, 10, 'reader');
    const results = await Promise.all(members.map((m) => env.base44.listCatalogue(m.token)));
    expect(env.calls(LIST)).toBe(2);
    expect(new Set(results.map((r) => catalogueVersion(r))).size).toBe(1);
    env.clock.now += 30_000;
    const cached = await env.base44.listCatalogue(dj);
    expect(env.calls(LIST)).toBe(2);
    expect(catalogueFreshness(cached)).toEqual({ source: 'cache', ageSeconds: 30 });
    expect(cached.generatedAt).toBe(results[0]!.generatedAt);

    env.base44.invalidateCatalogue();
    const again = await env.base44.listCatalogue(dj);
    expect(env.calls(LIST)).toBe(4);
    expect(catalogueVersion(again)).toBe(catalogueVersion(cached)); // same tracks, same version

    const one = again.tracks.find((t) => t.title === 'Bulk 3')!;
    await backendCall(env.backend, 'PUT', `/entities/Track/${one.id}`, admin, { status: 'rejected' });
    env.base44.invalidateCatalogue();
    const changed = await env.base44.listCatalogue(dj);
    expect(changed.tracks).toHaveLength(approvedCount - 1);
    expect(catalogueVersion(changed)).not.toBe(catalogueVersion(again));
  });
});

describe('the whole catalogue against a fake upstream', () => {
  let upstream: Awaited<ReturnType<typeof startFakeUpstream>> | undefined;
  afterEach(async () => {
    await upstream?.close();
    upstream = undefined;
  });

  const records = (n: number) =>
    Array.from({ length: n }, (_, i) => wireTrack({ id: `t${i}`, created_date: new Date(Date.UTC(2025, 0, 1) + i * 1000).toISOString() }));

  async function serve(all: Record<string, unknown>[], options: { ignoreSkip?: boolean } = {}) {
    upstream = await startFakeUpstream((hit, res) => {
      const skip = options.ignoreSkip ? 0 : Number(hit.url.searchParams.get('skip') ?? 0);
      const limit = Math.min(Number(hit.url.searchParams.get('limit') ?? 50), 5000);
      json(res, 200, all.slice(skip, skip + limit));
    });
    return createBase44({ serverUrl: upstream.url, appId: 'app_test', timeoutMs: 5_000, retry: { attempts: 1 }, log: () => undefined });
  }

  it('asks for approved tracks, sorted by creation, 5000 at a time, with nothing else', async () => {
    const base44 = await serve(records(10_001));
    const catalogue = await base44.listCatalogue('t');
    expect(catalogue.tracks).toHaveLength(10_001);
    const hits = upstream!.hits;
    expect(hits).toHaveLength(3);
    for (const [i, hit] of hits.entries()) {
      expect([...hit.url.searchParams.keys()].sort()).toEqual(['limit', 'q', 'skip', 'sort']);
      expect(Object.fromEntries(hit.url.searchParams)).toEqual({
        q: '{"status":"approved"}', sort: 'created_date', limit: '5000', skip: String(i * 5000),
      });
    }
    expect(catalogue.tracks[0]!.id).toBe('t10000');
  });

  it('stops on a full page of records it has already seen (an upstream that ignores skip)', async () => {
    const base44 = await serve(records(6000), { ignoreSkip: true });
    await expect(base44.listCatalogue('t')).rejects.toMatchObject({ code: 'bad_response' });
    expect(upstream!.hits).toHaveLength(2);
  });

  it('skips and reports malformed records, and keeps a record met twice once', async () => {
    const all = [...records(3), { id: 'broken', title: 42 }, records(3)[1]!];
    const notes: string[] = [];
    upstream = await startFakeUpstream((_, res) => json(res, 200, all));
    const base44 = createBase44({ serverUrl: upstream.url, appId: 'app_test', timeoutMs: 5_000, log: (m) => notes.push(m) });
    const catalogue = await base44.listCatalogue('t');
    expect(catalogue.tracks.map((t) => t.id)).toEqual(['t2', 't1', 't0']);
    expect(notes.join('\n')).toMatch(/skipped 1 malformed Track record\(s\): #3 id=broken/);
  });
});
