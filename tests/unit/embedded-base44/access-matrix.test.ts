import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from './support';

type Who = 'anonymous' | 'dj' | 'producer' | 'stranger' | 'moderator' | 'admin';
const SIGNED_IN: Who[] = ['dj', 'producer', 'stranger', 'moderator', 'admin'];
const EMAILS: Record<Exclude<Who, 'anonymous'>, string> = {
  dj: 'dj@spynners.local',
  producer: 'producer@spynners.local',
  stranger: 'producer2@spynners.local',
  moderator: 'moderator@spynners.local',
  admin: 'admin@spynners.local',
};

let api: TestBackend;
const token: Partial<Record<Who, string>> = {};
const userId: Partial<Record<Who, string>> = {};
const fixture: Record<string, { entity: string; id: string }> = {};

async function as(who: Who, method: string, route: string, body?: unknown) {
  return api.call(method, route, { token: token[who], body });
}

/** Creates a record as the admin (who may set any owner) and returns its id. */
async function make(entity: string, fields: Record<string, unknown>): Promise<string> {
  const answer = await as('admin', 'POST', `/entities/${entity}`, fields);
  expect(answer.status, JSON.stringify(answer.json)).toBe(201);
  return answer.json.id;
}

beforeAll(async () => {
  api = await startTestBackend();
  for (const who of SIGNED_IN) {
    token[who] = await api.login(EMAILS[who as keyof typeof EMAILS]);
    userId[who] = (await as(who, 'GET', '/entities/User/me')).json.id;
  }
  const [dj, producer] = [userId.dj, userId.producer];
  const add = async (key: string, entity: string, fields: Record<string, unknown>) => {
    fixture[key] = { entity, id: await make(entity, fields) };
  };
  await add('approvedTrack', 'Track', { title: 'Out', producer_id: producer, status: 'approved' });
  await add('pendingTrack', 'Track', { title: 'Soon', producer_id: producer, status: 'pending' });
  await add('publicPlaylist', 'Playlist', { name: 'Public', user_id: dj, is_public: true });
  await add('privatePlaylist', 'Playlist', { name: 'Private', user_id: dj, is_public: false });
  await add('message', 'Message', { sender_id: dj, receiver_id: producer, content: 'hi', read: false });
  await add('trackSend', 'TrackSend', { sender_id: producer, receiver_id: dj, track_id: fixture.approvedTrack!.id, viewed: false });
  await add('notification', 'Notification', { user_id: producer, type: 'track_played', read: false });
  await add('purchase', 'VIPPurchase', { user_id: dj, track_id: fixture.approvedTrack!.id, amount: 1 });
  await add('mix', 'SessionMix', { dj_id: dj, venue: 'Club' });
  await add('sessionTrack', 'SessionTrack', { dj_id: dj, producer_id: producer, track_id: fixture.approvedTrack!.id, venue: 'Club' });
  fixture.producerUser = { entity: 'User', id: producer! };
});
afterAll(() => api.close());

// Who may read each record (anonymous callers always get 401).
const READS: [string, Who[]][] = [
  ['approvedTrack', ['dj', 'producer', 'stranger', 'moderator', 'admin']],
  ['pendingTrack', ['producer', 'moderator', 'admin']],
  ['publicPlaylist', ['dj', 'producer', 'stranger', 'moderator', 'admin']],
  ['privatePlaylist', ['dj', 'moderator', 'admin']],
  ['message', ['dj', 'producer', 'moderator', 'admin']],
  ['trackSend', ['dj', 'producer', 'moderator', 'admin']],
  ['notification', ['producer', 'moderator', 'admin']],
  ['purchase', ['dj', 'moderator', 'admin']],
  ['mix', ['dj', 'moderator', 'admin']],
  ['sessionTrack', ['dj', 'producer', 'moderator', 'admin']],
  ['producerUser', ['dj', 'producer', 'stranger', 'moderator', 'admin']],
];

// Who may update each record with a harmless field; everyone else gets 403 and nothing changes.
const UPDATES: [string, Record<string, unknown>, Who[]][] = [
  ['approvedTrack', { description: 'changed' }, ['producer', 'admin']],
  ['privatePlaylist', { name: 'changed' }, ['dj', 'admin']],
  ['message', { read: true }, ['dj', 'producer', 'admin']],
  ['trackSend', { viewed: true }, ['dj', 'producer', 'admin']],
  ['notification', { read: true }, ['producer', 'admin']],
  ['purchase', { price_paid: 2 }, ['dj', 'admin']],
  ['mix', { venue: 'changed' }, ['dj', 'admin']],
  ['sessionTrack', { venue: 'changed' }, ['dj', 'admin']],
  ['producerUser', { bio: 'changed' }, ['producer', 'admin']],
];

const expectedStatus = (who: Who, allowed: Who[], ok: number) => (who === 'anonymous' ? 401 : allowed.includes(who) ? ok : 403);

describe('read rules', () => {
  const cases = READS.flatMap(([key, allowed]) => (['anonymous', ...SIGNED_IN] as Who[]).map((who) => [key, who, allowed] as const));
  it.each(cases)('%s read by %s', async (key, who, allowed) => {
    const { entity, id } = fixture[key]!;
    const one = await as(who, 'GET', `/entities/${entity}/${id}`);
    expect(one.status).toBe(expectedStatus(who, allowed, 200));
    const listed = await api.call('GET', `/entities/${entity}`, { token: token[who], query: { q: { id } } });
    if (who === 'anonymous') expect(listed.status).toBe(401);
    else expect(listed.json.map((r: { id: string }) => r.id)).toEqual(allowed.includes(who) ? [id] : []);
  });
});

describe('update rules', () => {
  const cases = UPDATES.flatMap(([key, patch, allowed]) => (['anonymous', ...SIGNED_IN] as Who[]).map((who) => [key, who, patch, allowed] as const));
  it.each(cases)('%s updated by %s', async (key, who, patch, allowed) => {
    const { entity, id } = fixture[key]!;
    const before = (await as('admin', 'GET', `/entities/${entity}/${id}`)).json;
    const answer = await as(who, 'PUT', `/entities/${entity}/${id}`, { ...patch, nonce: `${who}-${Math.random()}` });
    expect(answer.status).toBe(expectedStatus(who, allowed, 200));
    const after = (await as('admin', 'GET', `/entities/${entity}/${id}`)).json;
    if (answer.status === 200) expect(after.nonce).toMatch(new RegExp(`^${who}-`));
    else expect(after).toEqual(before);
  });
});

describe('delete rules', () => {
  const cases: [string, Record<string, unknown>, Who, number][] = [
    ['Track', { title: 'x', producer_id: 'PRODUCER' }, 'producer', 200],
    ['Track', { title: 'x', producer_id: 'PRODUCER' }, 'dj', 403],
    ['Track', { title: 'x', producer_id: 'PRODUCER' }, 'moderator', 403],
    ['Track', { title: 'x', producer_id: 'PRODUCER' }, 'admin', 200],
    ['Message', { sender_id: 'DJ', receiver_id: 'PRODUCER' }, 'stranger', 403],
    ['Message', { sender_id: 'DJ', receiver_id: 'PRODUCER' }, 'producer', 200],
    ['User', { email: 'gone@spynners.local' }, 'admin', 200],
    ['User', { email: 'kept@spynners.local' }, 'anonymous', 401],
  ];
  it.each(cases)('%s %j deleted by %s', async (entity, fields, who, status) => {
    const owners = JSON.parse(JSON.stringify(fields).replaceAll('PRODUCER', userId.producer!).replaceAll('DJ', userId.dj!));
    const id = await make(entity, owners);
    expect((await as(who, 'DELETE', `/entities/${entity}/${id}`)).status).toBe(status);
    expect((await as('admin', 'GET', `/entities/${entity}/${id}`)).status).toBe(status === 200 ? 404 : 200);
  });

  it('lets no one but an admin delete a user, themselves included', async () => {
    expect((await as('producer', 'DELETE', `/entities/User/${userId.producer}`)).status).toBe(403);
    expect((await as('producer', 'GET', '/entities/User/me')).status).toBe(200);
  });
});

describe('create rules', () => {
  it('forces new tracks to pending and to the calling producer', async () => {
    const answer = await as('producer', 'POST', '/entities/Track', { title: 'Mine', status: 'approved', producer_id: userId.stranger });
    expect(answer.status).toBe(201);
    expect(answer.json).toMatchObject({ status: 'pending', producer_id: userId.producer, created_by_id: userId.producer });
    const byAdmin = await as('admin', 'POST', '/entities/Track', { title: 'Curated', status: 'approved', producer_id: userId.stranger });
    expect(byAdmin.json).toMatchObject({ status: 'approved', producer_id: userId.stranger });
  });

  it.each([
    ['dj', 'Track', { title: 'VIP', is_vip: true }, 403],
    ['dj', 'Playlist', { name: 'Theirs', user_id: 'PRODUCER' }, 403],
    ['dj', 'Message', { sender_id: 'PRODUCER', receiver_id: 'DJ', content: 'spoof' }, 403],
    ['dj', 'Notification', { user_id: 'PRODUCER', type: 'track_played' }, 403],
    ['dj', 'Notification', { user_id: 'PRODUCER', type: 'track_played', dj_id: 'DJ' }, 201],
    ['dj', 'VIPPurchase', { user_id: 'PRODUCER', track_id: 'x' }, 403],
    ['dj', 'User', { email: 'new@spynners.local' }, 403],
    ['moderator', 'Track', { title: 'Approved?', status: 'approved', is_vip: true }, 403],
    ['anonymous', 'Playlist', { name: 'Nope' }, 401],
  ] as const)('%s creating %s %j gets %i', async (who, entity, fields, status) => {
    const body = JSON.parse(JSON.stringify(fields).replaceAll('PRODUCER', userId.producer!).replaceAll('DJ', userId.dj!));
    const answer = await as(who, 'POST', `/entities/${entity}`, body);
    expect(answer.status).toBe(status);
  });

  it('fills in the owner when a create leaves it out', async () => {
    const answer = await as('dj', 'POST', '/entities/Playlist', { name: 'Mine' });
    expect(answer.json.user_id).toBe(userId.dj);
  });
});

describe('admin-only fields', () => {
  it.each([
    ['producer', 'status', 'approved'],
    ['producer', 'is_vip', true],
    ['moderator', 'status', 'approved'],
  ] as const)('%s changing Track.%s gets 403 and nothing changes', async (who, field, value) => {
    const id = fixture.pendingTrack!.id;
    const answer = await as(who, 'PUT', `/entities/Track/${id}`, { [field]: value, title: 'Sneaky' });
    expect(answer.status).toBe(403);
    expect((await as('admin', 'GET', `/entities/Track/${id}`)).json).toMatchObject({ status: 'pending', title: 'Soon' });
  });

  it('accepts an unchanged admin-only value sent back with a record', async () => {
    const id = fixture.pendingTrack!.id;
    expect((await as('producer', 'PUT', `/entities/Track/${id}`, { status: 'pending', mood: 'dark' })).status).toBe(200);
  });

  it('refuses handing a track to another producer', async () => {
    const id = fixture.pendingTrack!.id;
    expect((await as('producer', 'PUT', `/entities/Track/${id}`, { producer_id: userId.stranger })).status).toBe(403);
  });

  it('lets admins approve and grant', async () => {
    expect((await as('admin', 'PUT', `/entities/Track/${fixture.pendingTrack!.id}`, { status: 'approved' })).json.status).toBe('approved');
    expect((await as('admin', 'PUT', `/entities/User/${userId.dj}`, { black_diamonds: 5 })).json.black_diamonds).toBe(5);
  });

  it.each([['role', 'admin'], ['black_diamonds', 99], ['email', 'me@else.where']] as const)(
    'refuses a user changing their own %s',
    async (field, value) => {
      expect((await as('dj', 'PUT', `/entities/User/${userId.dj}`, { [field]: value })).status).toBe(403);
      expect((await as('dj', 'PUT', '/entities/User/me', { [field]: value })).status).toBe(403);
      expect((await as('dj', 'GET', '/entities/User/me')).json[field]).not.toBe(value);
    },
  );
});

describe('private fields', () => {
  it('shows other users without email, balance or creator email; self and admins see them', async () => {
    const seenByDj = (await as('dj', 'GET', `/entities/User/${userId.producer}`)).json;
    expect(seenByDj.artist_name).toBe('Kaya Lune');
    for (const hidden of ['email', 'black_diamonds', 'created_by', 'password_hash']) expect(seenByDj).not.toHaveProperty(hidden);
    expect(seenByDj.data).not.toHaveProperty('black_diamonds');
    expect((await as('producer', 'GET', `/entities/User/${userId.producer}`)).json.email).toBe(EMAILS.producer);
    expect((await as('admin', 'GET', `/entities/User/${userId.producer}`)).json.email).toBe(EMAILS.producer);
    const users = (await as('dj', 'GET', '/entities/User')).json as Record<string, unknown>[];
    expect(users.filter((u) => 'email' in u).map((u) => u.id)).toEqual([userId.dj]);
  });

  it('refuses filtering users by a hidden field', async () => {
    const answer = await api.call('GET', '/entities/User', { token: token.dj, query: { q: { email: EMAILS.admin } } });
    expect(answer.status).toBe(403);
  });
});
