import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedBase44, startEmbeddedServer } from '../../../lib/embedded-base44';
import { APP_ID, BASE_URL, callBackend, JWT_SECRET, startTestBackend, type TestBackend } from './support';

let api: TestBackend;
let admin: string;
let producer: string;
let djId: string;

beforeAll(async () => {
  api = await startTestBackend();
  admin = await api.login('admin@spynners.local');
  producer = await api.login('producer@spynners.local');
  djId = (await api.call('GET', '/entities/User/me', { token: await api.login('dj@spynners.local') })).json.id;
});
afterAll(() => api.close());

const spendOne = () => ({
  query: { id: djId, black_diamonds: { $gte: 1 } },
  data: { $inc: { black_diamonds: -1 } },
});

async function balance(): Promise<number> {
  return (await api.call('GET', `/entities/User/${djId}`, { token: admin })).json.black_diamonds;
}

async function setBalance(value: number) {
  expect((await api.call('PUT', `/entities/User/${djId}`, { token: admin, body: { black_diamonds: value } })).status).toBe(200);
}

describe('update-many', () => {
  it('decrements atomically: ten concurrent spends of a balance of 3 succeed exactly 3 times', async () => {
    await setBalance(3);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => api.call('PATCH', '/entities/User/update-many', { token: admin, body: spendOne() })),
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers.map((a) => a.json.updated).sort()).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 1, 1]);
    expect(await balance()).toBe(0);
  });

  it('stays atomic across two backends sharing one database, over HTTP', async () => {
    await setBalance(3);
    const second = createEmbeddedBase44({ dataDir: api.dataDir, baseUrl: BASE_URL, jwtSecret: JWT_SECRET });
    const server = await startEmbeddedServer({ dataDir: api.dataDir, port: 0, jwtSecret: JWT_SECRET });
    try {
      const overHttp = () =>
        fetch(`${server.url}/api/apps/${APP_ID}/entities/User/update-many`, {
          method: 'PATCH',
          headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
          body: JSON.stringify(spendOne()),
        }).then(async (r) => (await r.json()).updated as number);
      const inProcess = () =>
        callBackend(second, 'PATCH', '/entities/User/update-many', { token: admin, body: spendOne() }).then((a) => a.json.updated as number);
      const updated = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? overHttp() : inProcess())));
      expect(updated.reduce((sum, n) => sum + n, 0)).toBe(3);
      expect(await balance()).toBe(0);
    } finally {
      second.close();
      await server.close();
    }
  });

  it('applies $set, $inc and $unset together and reports what it updated', async () => {
    const created = await api.call('POST', '/entities/Track/bulk', {
      token: admin,
      body: [1, 2, 3].map((n) => ({ title: `U${n}`, genre: 'Many', play_count: n, mood: 'dark' })),
    });
    expect(created.status).toBe(201);
    const answer = await api.call('PATCH', '/entities/Track/update-many', {
      token: admin,
      body: { query: { genre: 'Many', play_count: { $gte: 2 } }, data: { $set: { label_name: 'Set' }, $inc: { play_count: 10 }, $unset: { mood: '' } } },
    });
    expect(answer.json).toMatchObject({ success: true, updated: 2, has_more: false });
    const tracks = (await api.call('GET', '/entities/Track', { token: admin, query: { q: { genre: 'Many' }, sort: 'title' } })).json;
    expect(tracks.map((t: Record<string, unknown>) => [t.play_count, t.label_name ?? null, t.mood ?? null])).toEqual([
      [1, null, 'dark'],
      [12, 'Set', null],
      [13, 'Set', null],
    ]);
  });

  it('rolls the whole batch back when one result is invalid', async () => {
    await api.call('POST', '/entities/Track/bulk', { token: admin, body: [{ title: 'R1', genre: 'Rollback', bpm: 120 }, { title: 'R2', genre: 'Rollback', bpm: 121 }] });
    const answer = await api.call('PATCH', '/entities/Track/update-many', {
      token: admin,
      body: { query: { genre: 'Rollback' }, data: { $set: { bpm: 'fast' } } },
    });
    expect(answer.status).toBe(400);
    const bpms = (await api.call('GET', '/entities/Track', { token: admin, query: { q: { genre: 'Rollback' }, sort: 'title' } })).json.map((t: { bpm: number }) => t.bpm);
    expect(bpms).toEqual([120, 121]);
  });

  it('limits a non-admin to their own records and refuses admin-only fields', async () => {
    const mine = await api.call('POST', '/entities/Track', { token: producer, body: { title: 'Own', genre: 'Scoped' } });
    await api.call('POST', '/entities/Track', { token: admin, body: { title: 'Theirs', genre: 'Scoped', producer_id: 'someone-else' } });
    const answer = await api.call('PATCH', '/entities/Track/update-many', { token: producer, body: { query: { genre: 'Scoped' }, data: { mood: 'happy' } } });
    expect(answer.json.updated).toBe(1);
    const forbidden = await api.call('PATCH', '/entities/Track/update-many', { token: producer, body: { query: { id: mine.json.id }, data: { $set: { status: 'approved' } } } });
    expect(forbidden.status).toBe(403);
    const spend = await api.call('PATCH', '/entities/User/update-many', { token: producer, body: { query: {}, data: { $inc: { black_diamonds: 5 } } } });
    expect(spend.status).toBe(403);
    expect((await api.call('GET', `/entities/Track/${mine.json.id}`, { token: admin })).json).toMatchObject({ status: 'pending', mood: 'happy' });
  });

  it('updates at most 500 records per call and says when more match', async () => {
    const body = Array.from({ length: 520 }, (_, i) => ({ title: `B${i}`, genre: 'Batch', play_count: 0 }));
    await api.call('POST', '/entities/Track/bulk', { token: admin, body });
    const update = { query: { genre: 'Batch', play_count: 0 }, data: { $set: { play_count: 1 } } };
    const first = await api.call('PATCH', '/entities/Track/update-many', { token: admin, body: update });
    expect(first.json).toMatchObject({ updated: 500, has_more: true });
    const second = await api.call('PATCH', '/entities/Track/update-many', { token: admin, body: update });
    expect(second.json).toMatchObject({ updated: 20, has_more: false });
  });

  it.each([
    ['an empty data object', { query: {}, data: {} }],
    ['an unknown update operator', { query: {}, data: { $push: { tags: 'x' } } }],
    ['a field in two operators', { query: {}, data: { $set: { bpm: 1 }, $inc: { bpm: 1 } } }],
    ['a non-numeric $inc', { query: {}, data: { $inc: { bpm: 'one' } } }],
    ['a missing query', { data: { $set: { bpm: 1 } } }],
    ['a system field', { query: {}, data: { $set: { id: 'x' } } }],
  ])('answers 400 to %s', async (_, body) => {
    expect((await api.call('PATCH', '/entities/Track/update-many', { token: admin, body })).status).toBe(400);
  });
});
