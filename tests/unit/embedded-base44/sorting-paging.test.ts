import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from './support';

interface Track {
  id: string;
  title: string;
  bpm: number;
  label_name?: string;
}

let api: TestBackend;
let admin: string;
let tracks: Track[];
const PAGING = { genre: 'Paging' };

beforeAll(async () => {
  api = await startTestBackend();
  admin = await api.login('admin@spynners.local');
  // Five tempos for thirty tracks: plenty of ties for the id tie-break; every third has no label.
  const body = Array.from({ length: 30 }, (_, i) => ({
    title: `T${String(i).padStart(2, '0')}`,
    genre: 'Paging',
    bpm: 120 + (i % 5),
    ...(i % 3 === 0 ? {} : { label_name: `Label ${i % 4}` }),
  }));
  const created = await api.call('POST', '/entities/Track/bulk', { token: admin, body });
  expect(created.status).toBe(201);
  tracks = created.json;
});
afterAll(() => api.close());

const byId = (a: Track, b: Track) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const expectedByBpm = (descending: boolean) =>
  [...tracks].sort((a, b) => (a.bpm - b.bpm || byId(a, b)) * (descending ? -1 : 1)).map((t) => t.id);

async function list(query: Record<string, unknown>): Promise<Track[]> {
  const answer = await api.call('GET', '/entities/Track', { token: admin, query: { q: PAGING, ...query } });
  expect(answer.status, JSON.stringify(answer.json)).toBe(200);
  return answer.json;
}

async function walk(params: Record<string, unknown>, limit: number, between?: (page: number) => Promise<void>) {
  const seen: Track[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 100; page++) {
    const query: Record<string, unknown> = cursor ? { cursor, limit: String(limit) } : { ...params, limit: String(limit) };
    const answer = await api.call('GET', '/entities/Track/v2/list', { token: admin, query });
    expect(answer.status, JSON.stringify(answer.json)).toBe(200);
    expect(answer.json.items.length).toBeLessThanOrEqual(limit);
    seen.push(...answer.json.items);
    expect(answer.json.has_more).toBe(answer.json.next_cursor !== null);
    cursor = answer.json.next_cursor;
    if (!cursor) return seen;
    await between?.(page);
  }
  throw new Error('the walk did not end');
}

describe('sorting', () => {
  it('sorts ascending and descending, ties broken by id', async () => {
    expect((await list({ sort: 'bpm' })).map((t) => t.id)).toEqual(expectedByBpm(false));
    expect((await list({ sort: '-bpm' })).map((t) => t.id)).toEqual(expectedByBpm(true));
  });

  it('sorts by created_date, newest first, when no sort is given', async () => {
    const dates = (await list({})).map((t) => (t as unknown as { created_date: string }).created_date);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('rejects a malformed sort', async () => {
    for (const sort of ['-', 'bpm desc', 'bpm,title', "bpm'"]) {
      const answer = await api.call('GET', '/entities/Track', { token: admin, query: { sort } });
      expect(answer.status, sort).toBe(400);
    }
  });
});

describe('skip and limit', () => {
  it('pages with skip and limit without gaps or repeats', async () => {
    const pages = [];
    for (let skip = 0; skip < 30; skip += 8) pages.push(...(await list({ sort: '-bpm', limit: '8', skip: String(skip) })));
    expect(pages.map((t) => t.id)).toEqual(expectedByBpm(true));
  });

  it('returns only id and the requested fields', async () => {
    const [first] = await list({ sort: 'title', limit: '1', fields: 'title,bpm' });
    expect(first).toEqual({ id: tracks[0]!.id, title: 'T00', bpm: 120 });
  });

  it('rejects a limit or skip that is not a whole number', async () => {
    for (const query of [{ limit: 'ten' }, { limit: '-1' }, { skip: '1.5' }, { limit: '0' }]) {
      expect((await api.call('GET', '/entities/Track', { token: admin, query })).status).toBe(400);
    }
  });
});

describe('cursor pages', () => {
  it('walks every record once, in order, whatever the page size', async () => {
    for (const limit of [1, 7, 30, 100]) {
      const seen = await walk({ q: JSON.stringify(PAGING), sort: '-bpm' }, limit);
      expect(seen.map((t) => t.id)).toEqual(expectedByBpm(true));
    }
  });

  it('walks through missing sort values in both directions', async () => {
    for (const sort of ['label_name', '-label_name']) {
      const seen = await walk({ q: JSON.stringify(PAGING), sort }, 4);
      expect(new Set(seen.map((t) => t.id)).size).toBe(30);
      const all = await list({ sort });
      expect(seen.map((t) => t.id)).toEqual(all.map((t) => t.id));
    }
  });

  it('does not skip records when earlier ones are deleted between pages', async () => {
    const extra = await api.call('POST', '/entities/Track/bulk', {
      token: admin,
      body: Array.from({ length: 10 }, (_, i) => ({ title: `D${i}`, genre: 'Deleting', bpm: 100 + i })),
    });
    const deleted: string[] = [];
    const seen = await walk({ q: JSON.stringify({ genre: 'Deleting' }), sort: 'bpm' }, 3, async (page) => {
      if (page === 0) {
        const victim = extra.json[0].id as string;
        deleted.push(victim);
        expect((await api.call('DELETE', `/entities/Track/${victim}`, { token: admin })).status).toBe(200);
      }
    });
    expect(seen.map((t) => t.title)).toEqual(['D0', 'D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8', 'D9']);
  });

  it('refuses a cursor with another sort, and a forged cursor', async () => {
    const first = await api.call('GET', '/entities/Track/v2/list', { token: admin, query: { q: PAGING, sort: 'bpm', limit: '5' } });
    const cursor = first.json.next_cursor as string;
    const changed = await api.call('GET', '/entities/Track/v2/list', { token: admin, query: { cursor, sort: 'title' } });
    expect(changed.status).toBe(400);
    const forged = await api.call('GET', '/entities/Track/v2/list', { token: admin, query: { cursor: 'not-a-cursor' } });
    expect(forged.status).toBe(400);
  });

  it('lists distinct values page by page', async () => {
    const answer = await api.call('GET', '/entities/Track/v2/list', { token: admin, query: { distinct: 'bpm', q: PAGING, limit: '3' } });
    expect(answer.json.items).toEqual([120, 121, 122]);
    const next = await api.call('GET', '/entities/Track/v2/list', { token: admin, query: { distinct: 'bpm', cursor: answer.json.next_cursor, limit: '3' } });
    expect(next.json).toEqual({ items: [123, 124], next_cursor: null, has_more: false });
  });
});

describe('the 5000-record cap', () => {
  it('silently returns at most 5000 records, the rest reachable with skip', async () => {
    const body = Array.from({ length: 2600 }, (_, i) => ({ title: `C${i}`, genre: 'Cap', bpm: 120 }));
    for (let i = 0; i < 2; i++) {
      expect((await api.call('POST', '/entities/Track/bulk', { token: admin, body })).status).toBe(201);
    }
    const q = { genre: 'Cap' };
    const all = await api.call('GET', '/entities/Track', { token: admin, query: { q } });
    expect(all.json).toHaveLength(5000);
    const asked = await api.call('GET', '/entities/Track', { token: admin, query: { q, limit: '20000' } });
    expect(asked.json).toHaveLength(5000);
    const rest = await api.call('GET', '/entities/Track', { token: admin, query: { q, skip: '5000' } });
    expect(rest.json).toHaveLength(200);
    expect((await api.call('GET', '/entities/Track/count', { token: admin, query: { q } })).json.count).toBe(5200);
  });
});
