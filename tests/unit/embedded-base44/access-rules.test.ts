import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMAILS, startAccessWorld, type AccessWorld } from './access-fixtures';

let world: AccessWorld;
beforeAll(async () => {
  world = await startAccessWorld();
});
afterAll(() => world.api.close());

describe('create rules', () => {
  it('forces new tracks to pending and to the calling producer', async () => {
    const answer = await world.as('producer', 'POST', '/entities/Track', { title: 'Mine', status: 'approved', producer_id: world.userId.stranger });
    expect(answer.status).toBe(201);
    expect(answer.json).toMatchObject({ status: 'pending', producer_id: world.userId.producer, created_by_id: world.userId.producer });
    const byAdmin = await world.as('admin', 'POST', '/entities/Track', { title: 'Curated', status: 'approved', producer_id: world.userId.stranger });
    expect(byAdmin.json).toMatchObject({ status: 'approved', producer_id: world.userId.stranger });
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
    const answer = await world.as(who, 'POST', `/entities/${entity}`, world.withIds(fields));
    expect(answer.status).toBe(status);
  });

  it('fills in the owner when a create leaves it out', async () => {
    const answer = await world.as('dj', 'POST', '/entities/Playlist', { name: 'Mine' });
    expect(answer.json.user_id).toBe(world.userId.dj);
  });
});

describe('admin-only fields', () => {
  it.each([
    ['producer', 'status', 'approved'],
    ['producer', 'is_vip', true],
    ['moderator', 'status', 'approved'],
  ] as const)('%s changing Track.%s gets 403 and nothing changes', async (who, field, value) => {
    const id = world.fixture.pendingTrack!.id;
    const answer = await world.as(who, 'PUT', `/entities/Track/${id}`, { [field]: value, title: 'Sneaky' });
    expect(answer.status).toBe(403);
    expect((await world.as('admin', 'GET', `/entities/Track/${id}`)).json).toMatchObject({ status: 'pending', title: 'Soon' });
  });

  it('accepts an unchanged admin-only value sent back with a record', async () => {
    const id = world.fixture.pendingTrack!.id;
    expect((await world.as('producer', 'PUT', `/entities/Track/${id}`, { status: 'pending', mood: 'dark' })).status).toBe(200);
  });

  it('refuses handing a track to another producer', async () => {
    const id = world.fixture.pendingTrack!.id;
    expect((await world.as('producer', 'PUT', `/entities/Track/${id}`, { producer_id: world.userId.stranger })).status).toBe(403);
  });

  it('lets admins approve and grant', async () => {
    expect((await world.as('admin', 'PUT', `/entities/Track/${world.fixture.pendingTrack!.id}`, { status: 'approved' })).json.status).toBe('approved');
    expect((await world.as('admin', 'PUT', `/entities/User/${world.userId.dj}`, { black_diamonds: 5 })).json.black_diamonds).toBe(5);
  });

  it.each([['role', 'admin'], ['black_diamonds', 99], ['email', 'me@else.where']] as const)(
    'refuses a user changing their own %s',
    async (field, value) => {
      expect((await world.as('dj', 'PUT', `/entities/User/${world.userId.dj}`, { [field]: value })).status).toBe(403);
      expect((await world.as('dj', 'PUT', '/entities/User/me', { [field]: value })).status).toBe(403);
      expect((await world.as('dj', 'GET', '/entities/User/me')).json[field]).not.toBe(value);
    },
  );
});

describe('private fields', () => {
  it('shows other users without email, balance or creator email; self and admins see them', async () => {
    const seenByDj = (await world.as('dj', 'GET', `/entities/User/${world.userId.producer}`)).json;
    expect(seenByDj.artist_name).toBe('Kaya Lune');
    for (const hidden of ['email', 'black_diamonds', 'created_by', 'password_hash']) expect(seenByDj).not.toHaveProperty(hidden);
    expect(seenByDj.data).not.toHaveProperty('black_diamonds');
    expect((await world.as('producer', 'GET', `/entities/User/${world.userId.producer}`)).json.email).toBe(EMAILS.producer);
    expect((await world.as('admin', 'GET', `/entities/User/${world.userId.producer}`)).json.email).toBe(EMAILS.producer);
    const users = (await world.as('dj', 'GET', '/entities/User')).json as Record<string, unknown>[];
    expect(users.filter((u) => 'email' in u).map((u) => u.id)).toEqual([world.userId.dj]);
  });

  it('refuses filtering users by a hidden field', async () => {
    const answer = await world.api.call('GET', '/entities/User', { token: world.token.dj, query: { q: { email: EMAILS.admin } } });
    expect(answer.status).toBe(403);
  });
});
