import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend, signMemberToken } from './support';

// Issue #16, finding 4: Black Diamonds and plays cannot be farmed. Enforced by the recordSession
// and rateTrack functions themselves: one set per stretch of a DJ's time (whatever the key), no set
// in the future, no credit for playing one's own (or a collaborated) track, no self-rating.

let api!: TestBackend;
const token = { producer: '', admin: '' };
const userId = { producer: '' };

beforeAll(async () => {
  api = await startTestBackend();
  token.admin = await api.login('admin@spynners.local');
  token.producer = await api.login('producer@spynners.local');
  userId.producer = (await api.call('GET', '/entities/User/me', { token: token.producer })).json.id;
});
afterAll(() => api.close());

const record = (who: string, body: unknown) => api.call('POST', '/functions/recordSession', { token: who, body });
const rate = (who: string, body: unknown) => api.call('POST', '/functions/rateTrack', { token: who, body });
const asAdmin = (route: string, q: Record<string, unknown>) =>
  api.call('GET', route, { token: token.admin, query: { q, limit: '1000' } }).then((a) => a.json as Array<Record<string, unknown>>);
const balance = async (id: string) => (await api.call('GET', `/entities/User/${id}`, { token: token.admin })).json.black_diamonds;

async function newTrack(producer: string, fields: Record<string, unknown> = {}): Promise<string> {
  const answer = await api.call('POST', '/entities/Track', {
    token: token.admin,
    body: { title: `Track ${Math.random().toString(36).slice(2, 6)}`, producer_id: producer, producer_name: 'Kaya Lune', status: 'approved', ...fields },
  });
  expect(answer.status, JSON.stringify(answer.json)).toBe(201);
  return answer.json.id;
}

/** A member who can call the backend (created by the admin, token signed like the backend's). */
async function member(fields: Record<string, unknown> = {}): Promise<{ id: string; token: string }> {
  const created = await api.call('POST', '/entities/User', {
    token: token.admin,
    body: { email: `farm-${Math.random().toString(36).slice(2)}@example.com`, full_name: 'Farm DJ', artist_name: 'DJ Farm', role: 'user', black_diamonds: 0, ...fields },
  });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  const signed = await signMemberToken(created.json.id);
  return { id: created.json.id, token: signed };
}

const key = () => `key-${Math.random().toString(36).slice(2)}-${Date.now()}`;
const iso = (time: number) => new Date(time).toISOString();
const H = 3_600_000;
const BASE = Date.parse('2026-10-01T20:00:00.000Z');
/** A set from `from` to `to` hours after BASE, with the given plays (minutes after its start). */
function set(from: number, to: number, plays: Array<[string, number]> = [], extra: Record<string, unknown> = {}) {
  const start = BASE + from * H;
  return {
    idempotency_key: key(), venue: 'Club Orbit', city: 'Lyon', country: 'France', started_at: iso(start), ended_at: iso(BASE + to * H),
    tracks: plays.map(([track_id, minutes]) => ({ track_id, played_at: iso(start + minutes * 60_000) })), ...extra,
  };
}

describe('recordSession: one set per stretch of time, whatever the key', () => {
  it('the same set under 5 keys: 1 set and +1 diamond; the other 4 get 409 overlapping_set naming the first', async () => {
    const dj = await member();
    const body = set(0, 3, [[await newTrack(userId.producer), 10]]);
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await record(dj.token, { ...body, idempotency_key: key() }));
    expect(answers.map((a) => a.status)).toEqual([200, 409, 409, 409, 409]);
    const first = answers[0]!.json.session_mix;
    for (const refused of answers.slice(1)) {
      expect(refused.json).toMatchObject({
        code: 'overlapping_set', other_set_id: first.id,
        other_set: { id: first.id, venue: 'Club Orbit', city: 'Lyon', started_at: body.started_at, ended_at: body.ended_at },
      });
      expect(refused.json.message).toMatch(/overlaps the set you recorded at Club Orbit/);
    }
    expect(await balance(dj.id)).toBe(1);
    expect(await asAdmin('/entities/SessionMix', { dj_id: dj.id })).toHaveLength(1);
    expect(await asAdmin('/entities/SessionTrack', { dj_id: dj.id })).toHaveLength(1);
    expect(await asAdmin('/entities/Notification', { dj_id: dj.id })).toHaveLength(1);
  });

  it('5 different keys sent at once still record one set', async () => {
    const dj = await member();
    const body = set(0, 2, [[await newTrack(userId.producer), 5]]);
    const answers = await Promise.all(Array.from({ length: 5 }, () => record(dj.token, { ...body, idempotency_key: key() })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409]);
    expect(await balance(dj.id)).toBe(1);
  });

  it.each([
    ['starts inside it', 2, 5],
    ['ends inside it', -2, 1],
    ['contains it', -1, 4],
    ['lies inside it', 1, 2],
    ['starts at the same instant', 0, 0],
  ])('refuses a set that %s', async (_name, from, to) => {
    const dj = await member();
    const first = await record(dj.token, set(0, 3));
    expect(first.status).toBe(200);
    const other = await record(dj.token, set(from, to));
    expect(other.status).toBe(409);
    expect(other.json).toMatchObject({ code: 'overlapping_set', other_set_id: first.json.session_mix.id });
    expect(await asAdmin('/entities/SessionMix', { dj_id: dj.id })).toHaveLength(1);
  });

  it('allows adjacent sets [a,b] and [b,c], and names the earliest set a new one overlaps', async () => {
    const dj = await member();
    const track = await newTrack(userId.producer);
    // 22:00-00:00 then 00:00-02:00 UTC: adjacent across midnight, so each day earns its diamond.
    const early = await record(dj.token, set(2, 4, [[track, 5]]));
    const late = await record(dj.token, set(4, 6, [[track, 5]]));
    const before = await record(dj.token, set(1, 2));
    expect([early.status, late.status, before.status]).toEqual([200, 200, 200]);
    expect(await balance(dj.id)).toBe(2);
    const spanning = await record(dj.token, set(3, 5));
    expect(spanning.status).toBe(409);
    expect(spanning.json.other_set_id).toBe(early.json.session_mix.id);
  });

  it('two zero-length sets at the same instant overlap', async () => {
    const dj = await member();
    expect((await record(dj.token, set(0, 0))).status).toBe(200);
    expect((await record(dj.token, set(0, 0))).status).toBe(409);
  });

  it('sets of other DJs do not count', async () => {
    const [one, two] = [await member(), await member()];
    expect((await record(one.token, set(0, 3))).status).toBe(200);
    expect((await record(two.token, set(0, 3))).status).toBe(200);
  });

  it('legacy sets count too: Base44’s zone-less UTC times, and a set without an end as an instant', async () => {
    const dj = await member();
    const legacy = async (fields: Record<string, unknown>) =>
      (await api.call('POST', '/entities/SessionMix', { token: token.admin, body: { dj_id: dj.id, venue: 'Old Club', ...fields } })).json.id as string;
    const zoneless = await legacy({ started_at: '2026-10-01T20:00:00.000000', ended_at: '2026-10-01T23:00:00.000000' });
    const open = await legacy({ started_at: '2026-10-02T20:00:00.000000' });
    expect((await record(dj.token, set(2, 4))).json.other_set_id).toBe(zoneless);
    expect((await record(dj.token, set(23, 25))).json.other_set_id).toBe(open);
    expect((await record(dj.token, set(3, 23))).status).toBe(200);
  });

  it('a replay under the first key still answers the first result (200, already_recorded)', async () => {
    const dj = await member();
    const body = set(0, 3, [[await newTrack(userId.producer), 10]]);
    const first = await record(dj.token, body);
    const again = await record(dj.token, body);
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ already_recorded: true, black_diamonds_awarded: 1 });
    expect(again.json.session_mix).toEqual(first.json.session_mix);
    expect(await balance(dj.id)).toBe(1);
  });
});

describe('recordSession: no set in the future', () => {
  it('refuses a set ending in 2099 with 400 set_in_future, writing nothing', async () => {
    const dj = await member();
    const track = await newTrack(userId.producer);
    const answer = await record(dj.token, {
      idempotency_key: key(), venue: 'Club Orbit', city: '', country: '',
      started_at: '2099-01-01T22:00:00.000Z', ended_at: '2099-01-02T01:00:00.000Z',
      tracks: [{ track_id: track, played_at: '2099-01-01T23:00:00.000Z' }],
    });
    expect(answer.status).toBe(400);
    expect(answer.json.code).toBe('set_in_future');
    expect(answer.json.message).toMatch(/future/);
    expect(await balance(dj.id)).toBe(0);
    expect(await asAdmin('/entities/SessionMix', { dj_id: dj.id })).toHaveLength(0);
  });

  it('tolerates 5 minutes of clock skew, not more', async () => {
    const dj = await member();
    const now = Date.now();
    const body = (end: number) => ({
      idempotency_key: key(), venue: 'Skew Club', city: '', country: '', started_at: iso(end - H), ended_at: iso(end), tracks: [],
    });
    const ahead = await record(dj.token, body(now + 6 * 60_000));
    expect(ahead.status).toBe(400);
    expect(ahead.json.code).toBe('set_in_future');
    expect((await record(dj.token, body(now + 4 * 60_000))).status).toBe(200);
  });

  it('refuses a play stamped in the future even inside the set slack', async () => {
    const dj = await member();
    const now = Date.now();
    const answer = await record(dj.token, {
      idempotency_key: key(), venue: 'Skew Club', city: '', country: '', started_at: iso(now - H), ended_at: iso(now + 4.5 * 60_000),
      tracks: [{ track_id: await newTrack(userId.producer), played_at: iso(now + 5.5 * 60_000) }],
    });
    expect(answer.status).toBe(400);
    expect(answer.json.code).toBe('set_in_future');
  });
});

describe('recordSession: no credit for playing your own music', () => {
  it('a producer playing their own track: stored uncredited, no notification, no diamond', async () => {
    const before = await balance(userId.producer);
    const mine = await newTrack(userId.producer);
    const answer = await record(token.producer, set(100, 101, [[mine, 5]]));
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ black_diamonds_awarded: 0, notifications_sent: 0, skipped_track_ids: [] });
    expect(answer.json.session_mix).toMatchObject({ tracks_count: 1, credited_tracks_count: 0, diamond_awarded: false });
    expect(answer.json.session_tracks).toEqual([expect.objectContaining({ track_id: mine, credited: false, uncredited_reason: 'own_track' })]);
    expect(await balance(userId.producer)).toBe(before);
    expect(await asAdmin('/entities/Notification', { track_id: mine })).toHaveLength(0);
  });

  it.each([
    ['the artist name, other case and accents', { artist_name: 'Dj Éclair' }, ['Kaya Lune', 'DJ ECLAIR']],
    ['the full name inside a joined string', { full_name: 'Zoë Martin' }, 'Kaya Lune feat. zoe martin & MC Nobody'],
    ['the account email', {}, (me: { email: string }) => [me.email]],
    ['the account id', {}, (me: { id: string }) => `${me.id}, Someone Else`],
  ])('a collaborator (matched on %s) earns nothing either', async (_name, fields, collaborators) => {
    const email = `collab-${Math.random().toString(36).slice(2)}@example.com`;
    const dj = await member({ email, ...fields });
    const list = typeof collaborators === 'function' ? collaborators({ email, id: dj.id }) : collaborators;
    const theirs = await newTrack(userId.producer, { collaborators: list });
    const answer = await record(dj.token, set(0, 1, [[theirs, 5]]));
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ black_diamonds_awarded: 0, notifications_sent: 0 });
    expect(answer.json.session_tracks[0]).toMatchObject({ credited: false, uncredited_reason: 'collaborator' });
    expect(await balance(dj.id)).toBe(0);
  });

  it('a name only inside a longer collaborator name is not a match', async () => {
    const dj = await member({ artist_name: 'Nova' });
    const track = await newTrack(userId.producer, { collaborators: ['Bossa Nova Trio'] });
    const answer = await record(dj.token, set(0, 1, [[track, 5]]));
    expect(answer.json.session_tracks[0]).toMatchObject({ credited: true, uncredited_reason: null });
    expect(answer.json.black_diamonds_awarded).toBe(1);
  });

  it('a set mixing own and other producers’ tracks credits only the others', async () => {
    const dj = await member({ artist_name: 'Mixed DJ' });
    const own = await newTrack(dj.id);
    const featured = await newTrack(userId.producer, { collaborators: 'Mixed DJ' });
    const other = await newTrack(userId.producer);
    const answer = await record(dj.token, set(0, 2, [[own, 5], [featured, 10], [other, 15]]));
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ black_diamonds_awarded: 1, notifications_sent: 1 });
    expect(answer.json.session_mix).toMatchObject({ tracks_count: 3, credited_tracks_count: 1 });
    expect(answer.json.session_tracks.map((t: Record<string, unknown>) => [t.track_id, t.credited, t.uncredited_reason])).toEqual([
      [own, false, 'own_track'], [featured, false, 'collaborator'], [other, true, null],
    ]);
    const told = await asAdmin('/entities/Notification', { dj_id: dj.id, type: 'track_played' });
    expect(told.map((n) => n.track_id)).toEqual([other]);
    expect(await balance(dj.id)).toBe(1);
  });

  it('the DJ cannot mark their uncredited play credited', async () => {
    const dj = await member();
    const own = await newTrack(dj.id);
    const row = (await record(dj.token, set(0, 1, [[own, 5]]))).json.session_tracks[0];
    const forged = await api.call('PUT', `/entities/SessionTrack/${row.id}`, { token: dj.token, body: { credited: true } });
    expect(forged.status).toBe(403);
  });
});

describe('recordSession: one Black Diamond a day, one credit per track a day', () => {
  const M = 1 / 60;
  const creditedPlays = async (dj: string, track: string) =>
    (await asAdmin('/entities/SessionTrack', { dj_id: dj, track_id: track })).filter((play) => play.credited === true);

  it('3 one-minute sets in the past on one day: all recorded, 1 diamond, the track credited and notified once', async () => {
    const dj = await member();
    const track = await newTrack(userId.producer);
    const answers = [];
    for (const at of [0, 1, 2]) answers.push(await record(dj.token, set(at, at + M, [[track, 0.5]])));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers.map((a) => [a.json.black_diamonds_awarded, a.json.diamond_withheld_reason])).toEqual([
      [1, null], [0, 'daily_limit'], [0, 'daily_limit'],
    ]);
    expect(answers.map((a) => a.json.session_tracks[0].uncredited_reason)).toEqual([null, 'repeat', 'repeat']);
    expect(answers.map((a) => a.json.session_mix.diamond_withheld_reason)).toEqual([null, 'daily_limit', 'daily_limit']);
    expect(await balance(dj.id)).toBe(1);
    expect(await asAdmin('/entities/SessionMix', { dj_id: dj.id })).toHaveLength(3);
    expect(await creditedPlays(dj.id, track)).toHaveLength(1);
    expect(await asAdmin('/entities/Notification', { dj_id: dj.id, track_id: track })).toHaveLength(1);
    // A replay under the first key of a withheld set answers the same reason.
    const again = await record(dj.token, { ...set(1, 1 + M, [[track, 0.5]]), idempotency_key: answers[1]!.json.session_mix.idempotency_key });
    expect(again.json).toMatchObject({ already_recorded: true, black_diamonds_awarded: 0, diamond_withheld_reason: 'daily_limit' });
  });

  it('the next UTC day earns another diamond and credits the track again', async () => {
    const dj = await member();
    const track = await newTrack(userId.producer);
    expect((await record(dj.token, set(0, 1, [[track, 5]]))).json.black_diamonds_awarded).toBe(1);
    const nextDay = await record(dj.token, set(24, 25, [[track, 5]]));
    expect(nextDay.json).toMatchObject({ black_diamonds_awarded: 1, diamond_withheld_reason: null, session_tracks: [{ credited: true }] });
    expect(await balance(dj.id)).toBe(2);
    expect(await creditedPlays(dj.id, track)).toHaveLength(2);
  });

  it('two sets of one day delivered at once: one diamond', async () => {
    const dj = await member();
    const [a, b] = [await newTrack(userId.producer), await newTrack(userId.producer)];
    const answers = await Promise.all([record(dj.token, set(0, 1, [[a, 5]])), record(dj.token, set(-3, -2, [[b, 5]]))]);
    expect(answers.map((x) => x.status)).toEqual([200, 200]);
    expect(answers.map((x) => x.json.black_diamonds_awarded).sort()).toEqual([0, 1]);
    expect(await balance(dj.id)).toBe(1);
  });

  it('the same track twice in one set is credited once; a different track in a second set that day is credited', async () => {
    const dj = await member();
    const [first, second] = [await newTrack(userId.producer), await newTrack(userId.producer)];
    const night = await record(dj.token, set(0, 2, [[first, 5], [first, 60]]));
    expect(night.json.session_tracks.map((t: Record<string, unknown>) => [t.credited, t.uncredited_reason])).toEqual([[true, null], [false, 'repeat']]);
    expect(night.json).toMatchObject({ black_diamonds_awarded: 1, notifications_sent: 1, session_mix: { credited_tracks_count: 1 } });
    const later = await record(dj.token, set(2, 3, [[second, 5], [first, 10]]));
    expect(later.json.session_tracks.map((t: Record<string, unknown>) => [t.track_id, t.credited, t.uncredited_reason])).toEqual([
      [second, true, null], [first, false, 'repeat'],
    ]);
    expect(later.json).toMatchObject({ black_diamonds_awarded: 0, diamond_withheld_reason: 'daily_limit', notifications_sent: 1 });
    expect(await creditedPlays(dj.id, first)).toHaveLength(1);
    expect(await creditedPlays(dj.id, second)).toHaveLength(1);
  });
});

describe('rateTrack: nobody rates their own track', () => {
  it('the producer gets 403 own_track and nothing is stored', async () => {
    const mine = await newTrack(userId.producer);
    const answer = await rate(token.producer, { track_id: mine, stars: 5 });
    expect(answer.status).toBe(403);
    expect(answer.json).toMatchObject({ code: 'own_track', message: 'You cannot rate your own track' });
    expect(await asAdmin('/entities/TrackRating', { track_id: mine })).toHaveLength(0);
    expect((await api.call('GET', `/entities/Track/${mine}`, { token: token.admin })).json.rating_count ?? 0).toBe(0);
  });

  it('a collaborator gets 403 too; anyone else may rate', async () => {
    const collaborator = await member({ artist_name: 'Rated Collab' });
    const track = await newTrack(userId.producer, { collaborators: 'Rated Collab' });
    expect((await rate(collaborator.token, { track_id: track, stars: 5 })).status).toBe(403);
    const stranger = await member({ artist_name: 'Someone Else' });
    const vote = await rate(stranger.token, { track_id: track, stars: 4 });
    expect(vote.status).toBe(200);
    expect(vote.json).toMatchObject({ my_rating: 4, rating_count: 1 });
  });
});
