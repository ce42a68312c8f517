import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend, signMemberToken } from './support';

// The recordSession function: one SessionMix and its SessionTracks per (DJ, idempotency key), the
// producers told once, one Black Diamond for a set with a catalogue track, all in one transaction.

let api!: TestBackend;
const token = { producer: '', producer2: '', admin: '' };
const userId = { producer: '', producer2: '', admin: '' };

beforeAll(async () => {
  api = await startTestBackend();
  const emails = { producer: 'producer@spynners.local', producer2: 'producer2@spynners.local', admin: 'admin@spynners.local' };
  for (const who of Object.keys(emails) as (keyof typeof emails)[]) {
    token[who] = await api.login(emails[who]);
    userId[who] = (await api.call('GET', '/entities/User/me', { token: token[who] })).json.id;
  }
});
afterAll(() => api.close());

const record = (who: string, body: unknown) => api.call('POST', '/functions/recordSession', { token: who, body });
const asAdmin = (route: string, q: Record<string, unknown>) =>
  api.call('GET', route, { token: token.admin, query: { q, limit: '1000' } }).then((a) => a.json as Array<Record<string, unknown>>);

async function newTrack(producer: string, fields: Record<string, unknown> = {}): Promise<string> {
  const answer = await api.call('POST', '/entities/Track', {
    token: token.admin,
    body: { title: `Track ${Math.random().toString(36).slice(2, 6)}`, producer_id: producer, producer_name: 'Kaya Lune', status: 'approved', ...fields },
  });
  expect(answer.status, JSON.stringify(answer.json)).toBe(201);
  return answer.json.id;
}

async function dj(diamonds = 0): Promise<{ id: string; token: string }> {
  const created = await api.call('POST', '/entities/User', {
    token: token.admin,
    body: { email: `set-${Math.random().toString(36).slice(2)}@example.com`, full_name: 'Set DJ', artist_name: 'DJ Test', role: 'user', black_diamonds: diamonds },
  });
  expect(created.status).toBe(201);
  const signed = await signMemberToken(created.json.id);
  return { id: created.json.id, token: signed };
}

const balance = async (id: string) => (await api.call('GET', `/entities/User/${id}`, { token: token.admin })).json.black_diamonds;
const key = () => `key-${Math.random().toString(36).slice(2)}-${Date.now()}`;
const START = '2026-11-20T22:00:00.000Z';
const END = '2026-11-21T01:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(START) + minutes * 60_000).toISOString();

function set(tracks: Array<{ track_id: string; played_at: string }>, extra: Record<string, unknown> = {}) {
  return { idempotency_key: key(), venue: 'Club Orbit', city: 'Lyon', country: 'France', started_at: START, ended_at: END, tracks, ...extra };
}

describe('recordSession', () => {
  it('records the set, its plays with producer and place, tells each producer once, awards one diamond', async () => {
    const me = await dj(2);
    const [a, b] = [await newTrack(userId.producer), await newTrack(userId.producer2)];
    const body = set([
      { track_id: b, played_at: at(30) },
      { track_id: a, played_at: at(10) },
      { track_id: a, played_at: at(50) },
    ]);
    const answer = await record(me.token, body);
    expect(answer.status, JSON.stringify(answer.json)).toBe(200);
    expect(answer.json).toMatchObject({ already_recorded: false, black_diamonds_awarded: 1, notifications_sent: 2, skipped_track_ids: [] });
    expect(answer.json.session_mix).toMatchObject({
      dj_id: me.id, dj_name: 'DJ Test', venue: 'Club Orbit', city: 'Lyon', country: 'France',
      started_at: START, ended_at: END, tracks_count: 3, diamond_awarded: true, black_diamonds_awarded: 1,
    });
    expect(answer.json.session_tracks.map((t: { track_id: string }) => t.track_id)).toEqual([a, b, a]);
    expect(answer.json.session_tracks[0]).toMatchObject({
      session_mix_id: answer.json.session_mix.id, producer_id: userId.producer, track_artist: 'Kaya Lune',
      venue: 'Club Orbit', city: 'Lyon', country: 'France', played_at: at(10), dj_id: me.id, dj_name: 'DJ Test',
    });
    expect(await balance(me.id)).toBe(3);
    const told = await asAdmin('/entities/Notification', { dj_id: me.id, type: 'track_played' });
    expect(told.map((n) => `${n.user_id}:${n.track_id}`).sort()).toEqual([`${userId.producer}:${a}`, `${userId.producer2}:${b}`].sort());
    expect(told[0]!.message).toMatch(/^DJ Test played ".+" at Club Orbit, Lyon$/);
    // The producer reads where and when their track was played.
    const seen = await api.call('GET', '/entities/SessionTrack', { token: token.producer, query: { q: { dj_id: me.id } } });
    expect(seen.json.map((t: { track_id: string }) => t.track_id)).toEqual([a, a]);
  });

  it('a repeat of the same key answers the first result and changes nothing', async () => {
    const me = await dj(0);
    const body = set([{ track_id: await newTrack(userId.producer), played_at: at(5) }]);
    const first = await record(me.token, body);
    const again = await record(me.token, body);
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ already_recorded: true, black_diamonds_awarded: 1, notifications_sent: 0 });
    expect(again.json.session_mix).toEqual(first.json.session_mix);
    expect(again.json.session_tracks).toEqual(first.json.session_tracks);
    expect(await balance(me.id)).toBe(1);
    expect(await asAdmin('/entities/SessionMix', { dj_id: me.id })).toHaveLength(1);
    expect(await asAdmin('/entities/SessionTrack', { dj_id: me.id })).toHaveLength(1);
    expect(await asAdmin('/entities/Notification', { dj_id: me.id })).toHaveLength(1);
  });

  it('20 concurrent deliveries of one set: one set, one award, one notification', async () => {
    const me = await dj(0);
    const body = set([{ track_id: await newTrack(userId.producer), played_at: at(5) }]);
    const answers = await Promise.all(Array.from({ length: 20 }, () => record(me.token, body)));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    expect(answers.filter((a) => a.json.already_recorded === false)).toHaveLength(1);
    expect(new Set(answers.map((a) => a.json.session_mix.id)).size).toBe(1);
    expect(await balance(me.id)).toBe(1);
    expect(await asAdmin('/entities/SessionMix', { dj_id: me.id })).toHaveLength(1);
    expect(await asAdmin('/entities/Notification', { dj_id: me.id })).toHaveLength(1);
  });

  it('the same key with a different set is refused (422) and writes nothing', async () => {
    const me = await dj(0);
    const body = set([{ track_id: await newTrack(userId.producer), played_at: at(5) }]);
    await record(me.token, body);
    const other = await record(me.token, { ...body, venue: 'Elsewhere' });
    expect(other.status).toBe(422);
    expect(other.json.code).toBe('idempotency_key_reused');
    expect(await asAdmin('/entities/SessionMix', { dj_id: me.id })).toHaveLength(1);
  });

  it('keys are per DJ: another DJ using the same key records their own set', async () => {
    const [one, two] = [await dj(0), await dj(0)];
    const body = set([{ track_id: await newTrack(userId.producer), played_at: at(5) }]);
    expect((await record(one.token, body)).json.already_recorded).toBe(false);
    const theirs = await record(two.token, body);
    expect(theirs.json.already_recorded).toBe(false);
    expect(theirs.json.session_mix.dj_id).toBe(two.id);
  });

  it('skips tracks outside the catalogue; no catalogue track means no diamond, still recorded', async () => {
    const me = await dj(0);
    const pending = await newTrack(userId.producer, { status: 'pending' });
    const answer = await record(me.token, set([{ track_id: pending, played_at: at(1) }, { track_id: 'nope', played_at: at(2) }]));
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ black_diamonds_awarded: 0, notifications_sent: 0, skipped_track_ids: [pending, 'nope'] });
    expect(answer.json.session_mix).toMatchObject({ tracks_count: 0, diamond_awarded: false });
    expect(await balance(me.id)).toBe(0);
    // A second set of the same DJ must not overlap the first (issue #16): the next evening.
    const empty = await record(me.token, set([], { started_at: '2026-11-21T22:00:00.000Z', ended_at: '2026-11-21T23:00:00.000Z' }));
    expect(empty.status).toBe(200);
    expect(empty.json.black_diamonds_awarded).toBe(0);
  });

  it('a producer playing their own track is not notified, and earns no diamond for it (issue #16)', async () => {
    const mine = await newTrack(userId.producer);
    const answer = await record(token.producer, set([{ track_id: mine, played_at: at(3) }]));
    expect(answer.json).toMatchObject({ notifications_sent: 0, black_diamonds_awarded: 0 });
  });

  it.each([
    ['no key', { idempotency_key: undefined }],
    ['a short key', { idempotency_key: 'abc' }],
    ['no venue', { venue: '  ' }],
    ['a bad date', { started_at: 'yesterday' }],
    ['an end before the start', { ended_at: '2026-11-20T21:00:00.000Z' }],
    ['a set over 24 hours', { ended_at: '2026-11-22T01:00:00.000Z' }],
    ['a play outside the set', { tracks: [{ track_id: 'x', played_at: '2026-11-21T05:00:00.000Z' }] }],
    ['unknown fields', { diamonds: 5 }],
  ])('refuses %s with a 400 and writes nothing', async (_name, patch) => {
    const me = await dj(0);
    const answer = await record(me.token, { ...set([]), ...patch });
    expect(answer.status).toBe(400);
    expect(typeof answer.json.message).toBe('string');
    expect(await asAdmin('/entities/SessionMix', { dj_id: me.id })).toHaveLength(0);
  });

  it('needs a session', async () => {
    expect((await api.call('POST', '/functions/recordSession', { body: set([]) })).status).toBe(401);
  });
});

describe('sets are written by the function only', () => {
  it('a member cannot create sets or plays, nor change awards, directly', async () => {
    const me = await dj(0);
    expect((await api.call('POST', '/entities/SessionMix', { token: me.token, body: { dj_id: me.id, venue: 'x' } })).status).toBe(403);
    expect((await api.call('POST', '/entities/SessionTrack', { token: me.token, body: { dj_id: me.id, track_id: 'x' } })).status).toBe(403);
    const mix = (await record(me.token, set([]))).json.session_mix;
    expect((await api.call('PUT', `/entities/SessionMix/${mix.id}`, { token: me.token, body: { diamond_awarded: true } })).status).toBe(403);
    expect((await api.call('PUT', `/entities/SessionMix/${mix.id}`, { token: me.token, body: { venue: 'Corrected' } })).status).toBe(200);
  });
});
