import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from './support';

// Five tracks with known fields; every query's answer is checked by title.
const TRACKS = [
  { title: 'Alpha Wave', genre: 'Techno', bpm: 130, status: 'approved', is_vip: false, label_name: 'Orbit', meta: { source: 'promo' } },
  { title: 'beta drift', genre: 'House', bpm: 124, status: 'approved', is_vip: true, label_name: 'Lune' },
  { title: 'Gamma Ray', genre: 'Techno', bpm: 140, status: 'pending', is_vip: false },
  { title: 'Delta Alpha', genre: 'Trance', bpm: 138, status: 'approved', is_vip: false, label_name: 'Orbit', mood: null },
  { title: 'Epsilon', genre: 'Drum & Bass', bpm: 174, status: 'rejected', is_vip: false, meta: { source: 'upload' } },
];

let api: TestBackend;
let admin: string;
let trackIds: Record<string, string>;

beforeAll(async () => {
  api = await startTestBackend();
  admin = await api.login('admin@spynners.local');
  const created = await api.call('POST', '/entities/Track/bulk', { token: admin, body: TRACKS });
  expect(created.status).toBe(201);
  trackIds = Object.fromEntries(created.json.map((t: { title: string; id: string }) => [t.title, t.id]));
  const playlists = [
    { name: 'One', track_ids: [trackIds['Alpha Wave'], trackIds['Gamma Ray']], is_public: true },
    { name: 'Two', track_ids: [trackIds['Gamma Ray']], is_public: true },
    { name: 'Empty', track_ids: [], is_public: false },
  ];
  expect((await api.call('POST', '/entities/Playlist/bulk', { token: admin, body: playlists })).status).toBe(201);
});
afterAll(() => api.close());

/** The demo seed adds playlists of its own: look only at this test's. */
const ours = (q: Record<string, unknown>) => ({ ...q, name: { $in: ['One', 'Two', 'Empty'] } });

async function titles(q: unknown, entity = 'Track', field = 'title'): Promise<string[]> {
  const answer = await api.call('GET', `/entities/${entity}`, { token: admin, query: { q, sort: field } });
  expect(answer.status, JSON.stringify(answer.json)).toBe(200);
  return answer.json.map((record: Record<string, string>) => record[field]);
}

describe('query language', () => {
  it('matches plain equality, $eq and $ne (missing fields count as not equal)', async () => {
    expect(await titles({ genre: 'Techno' })).toEqual(['Alpha Wave', 'Gamma Ray']);
    expect(await titles({ genre: { $eq: 'Trance' } })).toEqual(['Delta Alpha']);
    expect(await titles({ label_name: { $ne: 'Orbit' } })).toEqual(['Epsilon', 'Gamma Ray', 'beta drift']);
    expect(await titles({ label_name: null })).toEqual(['Epsilon', 'Gamma Ray']);
    expect(await titles({ mood: { $ne: null } })).toEqual([]);
  });

  it('compares numbers with $gt, $gte, $lt and $lte', async () => {
    expect(await titles({ bpm: { $gt: 130 } })).toEqual(['Delta Alpha', 'Epsilon', 'Gamma Ray']);
    expect(await titles({ bpm: { $gte: 130, $lt: 140 } })).toEqual(['Alpha Wave', 'Delta Alpha']);
    expect(await titles({ bpm: { $lte: 124 } })).toEqual(['beta drift']);
  });

  it('matches lists with $in and $nin, and array fields element-wise', async () => {
    expect(await titles({ genre: { $in: ['House', 'Trance'] } })).toEqual(['Delta Alpha', 'beta drift']);
    expect(await titles({ genre: { $nin: ['Techno', 'House'] } })).toEqual(['Delta Alpha', 'Epsilon']);
    expect(await titles({ genre: { $in: [] } })).toEqual([]);
    expect(await titles({ label_name: { $in: [null, 'Lune'] } })).toEqual(['Epsilon', 'Gamma Ray', 'beta drift']);
    expect(await titles(ours({ track_ids: trackIds['Gamma Ray'] }), 'Playlist', 'name')).toEqual(['One', 'Two']);
    expect(await titles(ours({ track_ids: { $in: [trackIds['Alpha Wave']] } }), 'Playlist', 'name')).toEqual(['One']);
    expect(await titles(ours({ track_ids: { $all: [trackIds['Alpha Wave'], trackIds['Gamma Ray']] } }), 'Playlist', 'name')).toEqual(['One']);
    expect(await titles(ours({ track_ids: { $nin: [trackIds['Gamma Ray']] } }), 'Playlist', 'name')).toEqual(['Empty']);
  });

  it('matches $regex, case-insensitive with $options i', async () => {
    expect(await titles({ title: { $regex: 'alpha' } })).toEqual([]);
    expect(await titles({ title: { $regex: 'alpha', $options: 'i' } })).toEqual(['Alpha Wave', 'Delta Alpha']);
    expect(await titles({ title: { $regex: '^[a-d]' } })).toEqual(['beta drift']);
  });

  it('combines $or, $and and $nor, nested', async () => {
    expect(await titles({ $or: [{ genre: 'House' }, { bpm: { $gte: 170 } }] })).toEqual(['Epsilon', 'beta drift']);
    expect(
      await titles({ $and: [{ status: 'approved' }, { $or: [{ genre: 'Techno' }, { is_vip: true }] }] }),
    ).toEqual(['Alpha Wave', 'beta drift']);
    expect(await titles({ $nor: [{ status: 'approved' }, { genre: 'Techno' }] })).toEqual(['Epsilon']);
    expect(await titles({ status: 'approved', $or: [{ label_name: 'Lune' }, { bpm: 138 }] })).toEqual([
      'Delta Alpha',
      'beta drift',
    ]);
  });

  it('supports booleans, $exists, $not and dotted fields', async () => {
    expect(await titles({ is_vip: true })).toEqual(['beta drift']);
    expect(await titles({ label_name: { $exists: false } })).toEqual(['Epsilon', 'Gamma Ray']);
    expect(await titles({ bpm: { $not: { $gte: 135 } } })).toEqual(['Alpha Wave', 'beta drift']);
    expect(await titles({ 'meta.source': 'upload' })).toEqual(['Epsilon']);
  });

  it('reads other query parameters as equality filters, typed by the field', async () => {
    const answer = await api.call('GET', '/entities/Track', { token: admin, query: { genre: 'Techno', bpm: '140' } });
    expect(answer.json.map((t: { title: string }) => t.title)).toEqual(['Gamma Ray']);
    const vip = await api.call('GET', '/entities/Track', { token: admin, query: { is_vip: 'true' } });
    expect(vip.json.map((t: { title: string }) => t.title)).toEqual(['beta drift']);
    // A misspelt parameter narrows the result to nothing, as Base44 documents.
    const misspelt = await api.call('GET', '/entities/Track', { token: admin, query: { offset: '20' } });
    expect(misspelt.status).toBe(200);
    expect(misspelt.json).toEqual([]);
  });

  it('counts with the same filter', async () => {
    const answer = await api.call('GET', '/entities/Track/count', { token: admin, query: { q: { genre: 'Techno' } } });
    expect(answer.json).toEqual({ count: 2 });
    expect((await api.call('GET', '/entities/Track/count', { token: admin })).json).toEqual({ count: 5 });
  });

  it.each([
    ['an unknown operator', { bpm: { $near: 3 } }, /Unknown operator \$near/],
    ['an unknown top-level operator', { $where: 'sleep(1)' }, /Unknown operator \$where/],
    ['a string for a numeric comparison', { bpm: { $gt: 'fast' } }, /bpm expects a number/],
    ['a string for a numeric equality', { bpm: 'fast' }, /bpm expects a number/],
    ['a non-boolean for a boolean field', { is_vip: 'maybe' }, /is_vip expects true or false/],
    ['$in without an array', { genre: { $in: 'House' } }, /expects an array/],
    ['an invalid regex', { title: { $regex: '(' } }, /Invalid \$regex/],
    ['an unsupported regex option', { title: { $regex: 'a', $options: 'x' } }, /\$options/],
    ['$or without an array', { $or: { genre: 'House' } }, /\$or expects/],
    ['operators mixed with values', { bpm: { $gt: 1, value: 2 } }, /Cannot mix/],
    ['a field name that is not an identifier', { "title') OR 1=1 --": 'x' }, /Invalid field name/],
  ])('answers 400 to %s', async (_, q, message) => {
    const answer = await api.call('GET', '/entities/Track', { token: admin, query: { q } });
    expect(answer.status).toBe(400);
    expect(answer.json.message).toMatch(message);
  });
});
