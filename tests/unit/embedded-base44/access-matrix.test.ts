import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVERYONE, startAccessWorld, type AccessWorld, type Who } from './access-fixtures';

let world: AccessWorld;
beforeAll(async () => {
  world = await startAccessWorld();
});
afterAll(() => world.api.close());

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
  // Purchases are made (and priced) by the unlockVipTrack function only.
  ['purchase', { price_paid: 2 }, ['admin']],
  ['mix', { venue: 'changed' }, ['dj', 'admin']],
  ['sessionTrack', { venue: 'changed' }, ['dj', 'admin']],
  ['producerUser', { bio: 'changed' }, ['producer', 'admin']],
];

const expectedStatus = (who: Who, allowed: Who[], ok: number) => (who === 'anonymous' ? 401 : allowed.includes(who) ? ok : 403);

describe('read rules', () => {
  const cases = READS.flatMap(([key, allowed]) => EVERYONE.map((who) => [key, who, allowed] as const));
  it.each(cases)('%s read by %s', async (key, who, allowed) => {
    const { entity, id } = world.fixture[key]!;
    const one = await world.as(who, 'GET', `/entities/${entity}/${id}`);
    expect(one.status).toBe(expectedStatus(who, allowed, 200));
    const listed = await world.api.call('GET', `/entities/${entity}`, { token: world.token[who], query: { q: { id } } });
    if (who === 'anonymous') expect(listed.status).toBe(401);
    else expect(listed.json.map((r: { id: string }) => r.id)).toEqual(allowed.includes(who) ? [id] : []);
  });
});

describe('update rules', () => {
  const cases = UPDATES.flatMap(([key, patch, allowed]) => EVERYONE.map((who) => [key, who, patch, allowed] as const));
  it.each(cases)('%s updated by %s', async (key, who, patch, allowed) => {
    const { entity, id } = world.fixture[key]!;
    const before = (await world.as('admin', 'GET', `/entities/${entity}/${id}`)).json;
    const answer = await world.as(who, 'PUT', `/entities/${entity}/${id}`, { ...patch, nonce: `${who}-${Math.random()}` });
    expect(answer.status).toBe(expectedStatus(who, allowed, 200));
    const after = (await world.as('admin', 'GET', `/entities/${entity}/${id}`)).json;
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
    const id = await world.make(entity, world.withIds(fields));
    expect((await world.as(who, 'DELETE', `/entities/${entity}/${id}`)).status).toBe(status);
    expect((await world.as('admin', 'GET', `/entities/${entity}/${id}`)).status).toBe(status === 200 ? 404 : 200);
  });

  it('lets no one but an admin delete a user, themselves included', async () => {
    expect((await world.as('producer', 'DELETE', `/entities/User/${world.userId.producer}`)).status).toBe(403);
    expect((await world.as('producer', 'GET', '/entities/User/me')).status).toBe(200);
  });
});


// The admin console's writes: a decision on a track and a Black Diamond grant, both through
// update-many (conditional, atomic). Only admins; anyone else gets 403 and nothing changes.
describe('admin actions through update-many', () => {
  const cases: [string, Record<string, unknown>, Record<string, unknown>][] = [
    ['approve', { status: 'pending' }, { $set: { status: 'approved' }, $unset: { rejection_reason: '' } }],
    ['reject', { status: 'pending' }, { $set: { status: 'rejected', rejection_reason: 'clips', rejected_at: '2026-01-01T00:00:00.000Z' } }],
    ['make VIP', {}, { $set: { is_vip: true, vip_preview_start: 0, vip_preview_end: 20 } }],
  ];
  const matrix = cases.flatMap(([action, where, data]) => EVERYONE.map((who) => [action, who, where, data] as const));
  it.each(matrix)('%s a pending track as %s', async (_action, who, where, data) => {
    const id = await world.make('Track', world.withIds({ title: 'Queued', producer_id: 'PRODUCER', status: 'pending' }));
    const answer = await world.api.call('PATCH', '/entities/Track/update-many', { token: world.token[who], body: { query: { id, ...where }, data } });
    const after = (await world.as('admin', 'GET', `/entities/Track/${id}`)).json;
    if (who === 'admin') {
      expect(answer.status).toBe(200);
      expect(answer.json.updated).toBe(1);
    } else {
      expect(answer.status).toBe(who === 'anonymous' ? 401 : 403);
      expect(after).toMatchObject({ status: 'pending', title: 'Queued' });
      expect(after.is_vip ?? false).toBe(false);
      expect(after).not.toHaveProperty('rejection_reason');
    }
  });

  it.each(EVERYONE)('grant 5 Black Diamonds to the DJ as %s', async (who) => {
    const before = (await world.as('admin', 'GET', `/entities/User/${world.userId.dj}`)).json.black_diamonds;
    const answer = await world.api.call('PATCH', '/entities/User/update-many', {
      token: world.token[who],
      body: { query: { id: world.userId.dj }, data: { $inc: { black_diamonds: 5 } } },
    });
    const after = (await world.as('admin', 'GET', `/entities/User/${world.userId.dj}`)).json.black_diamonds;
    expect(answer.status).toBe(who === 'admin' ? 200 : who === 'anonymous' ? 401 : 403);
    expect(after).toBe(who === 'admin' ? before + 5 : before);
  });

  it('lets an admin notify any member; a member may not pose as someone else', async () => {
    const note = { user_id: world.userId.producer, type: 'system', title: 'Track approved' };
    expect((await world.as('admin', 'POST', '/entities/Notification', note)).status).toBe(201);
    expect((await world.as('moderator', 'POST', '/entities/Notification', { ...note, sender_id: world.userId.admin })).status).toBe(403);
    expect((await world.as('dj', 'POST', '/entities/Notification', note)).status).toBe(403);
  });
});
