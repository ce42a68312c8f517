import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../lib/embedded-base44';
import { startTestBackend, type TestBackend } from './support';

const inAWeek = () => new Date(Date.now() + 7 * 86400_000).toISOString();

describe('ConsoleSession records (the console ends sessions through them)', () => {
  let api: TestBackend;
  let dj: string;
  let djId: string;
  let producer: string;
  beforeAll(async () => {
    api = await startTestBackend();
    dj = await api.login('dj@spynners.local');
    producer = await api.login('producer@spynners.local');
    djId = (await api.call('GET', '/entities/User/me', { token: dj })).json.id;
  });
  afterAll(() => api.close());

  const open = async (token: string, extra: Record<string, unknown> = {}) => {
    const answer = await api.call('POST', '/entities/ConsoleSession', {
      token,
      body: { expires_at: inAWeek(), device_label: 'Safari on iPad', ...extra },
    });
    expect(answer.status).toBe(201);
    return answer.json as { id: string; user_id: string };
  };

  it('belong to whoever opened them, whatever user_id was sent', async () => {
    const producerId = (await api.call('GET', '/entities/User/me', { token: producer })).json.id;
    const forged = await open(dj, { user_id: producerId });
    expect(forged.user_id).toBe(djId);
  });

  it('cannot be read or ended by another member', async () => {
    const session = await open(dj);
    expect([403, 404]).toContain((await api.call('GET', `/entities/ConsoleSession/${session.id}`, { token: producer })).status);
    const put = await api.call('PUT', `/entities/ConsoleSession/${session.id}`, { token: producer, body: { revoked_at: new Date().toISOString() } });
    expect([403, 404]).toContain(put.status);
    const many = await api.call('PATCH', '/entities/ConsoleSession/update-many', {
      token: producer,
      body: { query: { id: session.id }, data: { $set: { revoked_at: new Date().toISOString() } } },
    });
    expect(many.json.updated).toBe(0);
    const mine = await api.call('GET', `/entities/ConsoleSession/${session.id}`, { token: dj });
    expect(mine.json.revoked_at ?? null).toBeNull();
  });

  it('stay ended: nobody but an admin revives a revoked one, by PUT or update-many', async () => {
    const session = await open(dj);
    const revoke = await api.call('PUT', `/entities/ConsoleSession/${session.id}`, { token: dj, body: { revoked_at: new Date().toISOString() } });
    expect(revoke.status).toBe(200);
    expect((await api.call('PUT', `/entities/ConsoleSession/${session.id}`, { token: dj, body: { revoked_at: null } })).status).toBe(403);
    expect((await api.call('PUT', `/entities/ConsoleSession/${session.id}`, { token: dj, body: { revoked_at: '2000-01-01T00:00:00.000Z' } })).status).toBe(403);
    for (const data of [{ $unset: { revoked_at: '' } }, { $set: { revoked_at: null } }]) {
      const many = await api.call('PATCH', '/entities/ConsoleSession/update-many', { token: dj, body: { query: { id: session.id }, data } });
      expect(many.status).toBe(403);
    }
    expect((await api.call('DELETE', `/entities/ConsoleSession/${session.id}`, { token: dj })).status).toBe(403);
    const after = await api.call('GET', `/entities/ConsoleSession/${session.id}`, { token: dj });
    expect(after.json.revoked_at).toBeTruthy();
  });

  it('cannot be extended once open', async () => {
    const session = await open(dj);
    const longer = await api.call('PUT', `/entities/ConsoleSession/${session.id}`, { token: dj, body: { expires_at: '2999-01-01T00:00:00.000Z' } });
    expect(longer.status).toBe(403);
  });

  it('are all ended, but one, by one update-many of the member', async () => {
    const keep = await open(dj);
    const others = [await open(dj), await open(dj)];
    const many = await api.call('PATCH', '/entities/ConsoleSession/update-many', {
      token: dj,
      body: { query: { user_id: djId, revoked_at: null, id: { $ne: keep.id } }, data: { $set: { revoked_at: new Date().toISOString() } } },
    });
    expect(many.status).toBe(200);
    expect(many.json.updated).toBeGreaterThanOrEqual(2);
    for (const other of others) {
      expect((await api.call('GET', `/entities/ConsoleSession/${other.id}`, { token: dj })).json.revoked_at).toBeTruthy();
    }
    expect((await api.call('GET', `/entities/ConsoleSession/${keep.id}`, { token: dj })).json.revoked_at ?? null).toBeNull();
  });
});

describe('POST /auth/change-password (the SDK shape: user_id, current_password, new_password)', () => {
  let api: TestBackend;
  beforeAll(async () => {
    api = await startTestBackend();
  });
  afterAll(() => api.close());

  it('needs the current password, changes only the caller\'s, and the new one signs in', async () => {
    const token = await api.login('producer2@spynners.local');
    const me = (await api.call('GET', '/entities/User/me', { token })).json.id as string;
    const other = (await api.call('GET', '/entities/User/me', { token: await api.login('producer3@spynners.local') })).json.id as string;
    const change = (body: Record<string, unknown>) => api.call('POST', '/auth/change-password', { token, body });

    expect((await api.call('POST', '/auth/change-password', { body: { user_id: me, current_password: DEMO_PASSWORD, new_password: 'another-secret-1' } })).status).toBe(401);
    expect((await change({ user_id: me, current_password: 'not-it', new_password: 'another-secret-1' })).status).toBe(400);
    expect((await change({ user_id: other, current_password: DEMO_PASSWORD, new_password: 'another-secret-1' })).status).toBe(403);
    expect((await change({ user_id: me, current_password: DEMO_PASSWORD, new_password: 'short' })).status).toBe(400);
    expect((await change({ user_id: me, current_password: DEMO_PASSWORD, new_password: 'another-secret-1' })).status).toBe(200);

    expect((await api.call('POST', '/auth/login', { body: { email: 'producer2@spynners.local', password: DEMO_PASSWORD } })).status).toBe(401);
    expect((await api.call('POST', '/auth/login', { body: { email: 'producer2@spynners.local', password: 'another-secret-1' } })).status).toBe(200);
    expect((await api.call('POST', '/auth/login', { body: { email: 'producer3@spynners.local', password: DEMO_PASSWORD } })).status).toBe(200);
  });
});

describe('POST /functions/authThrottle (the console\'s sign-in counters)', () => {
  const KEY = 'console-key-for-the-unit-tests-0123456789';
  let api: TestBackend;
  beforeAll(async () => {
    api = await startTestBackend({ consoleKey: KEY });
  });
  afterAll(() => api.close());

  const throttle = (body: unknown, headers: Record<string, string> = { 'x-console-key': KEY }, token?: string) =>
    api.call('POST', '/functions/authThrottle', { body, headers, token });

  it('refuses callers without the console key, a member\'s token included', async () => {
    const hit = { op: 'hit', counters: [{ key: 'si-a:x', window_seconds: 60 }] };
    expect((await throttle(hit, {})).status).toBe(403);
    expect((await throttle(hit, { 'x-console-key': `${KEY}-not` })).status).toBe(403);
    expect((await throttle(hit, {}, await api.login('dj@spynners.local'))).status).toBe(403);
    expect((await throttle({ op: 'succeed', clear: ['si-a:x'] }, {})).status).toBe(403);
  });

  it('is off on a backend started without a key', async () => {
    const bare = await startTestBackend();
    try {
      const answer = await bare.call('POST', '/functions/authThrottle', {
        body: { op: 'hit', counters: [{ key: 'k', window_seconds: 60 }] },
        headers: { 'x-console-key': KEY },
      });
      expect(answer.status).toBe(403);
    } finally {
      bare.close();
    }
  });

  it('counts hits per key in a window, clears and refunds', async () => {
    const hit = async (key: string) => (await throttle({ op: 'hit', counters: [{ key, window_seconds: 900 }] })).json.counters[0];
    expect((await hit('si-a:one')).count).toBe(1);
    expect((await hit('si-a:one')).count).toBe(2);
    const third = await hit('si-a:one');
    expect(third.count).toBe(3);
    const resetsIn = Date.parse(third.resets_at) - Date.now();
    expect(resetsIn).toBeGreaterThan(890_000);
    expect(resetsIn).toBeLessThanOrEqual(900_000);
    expect((await hit('si-i:addr')).count).toBe(1);
    expect((await hit('si-i:addr')).count).toBe(2);
    expect((await throttle({ op: 'succeed', clear: ['si-a:one'], refund: ['si-i:addr'] })).status).toBe(200);
    expect((await hit('si-a:one')).count).toBe(1);
    expect((await hit('si-i:addr')).count).toBe(2);
  });

  it('starts a new window once the last one ended', async () => {
    const once = async () => (await throttle({ op: 'hit', counters: [{ key: 'short', window_seconds: 1 }] })).json.counters[0];
    expect((await once()).count).toBe(1);
    expect((await once()).count).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await once()).count).toBe(1);
  });

  it('refuses malformed input with 400', async () => {
    for (const body of [
      { op: 'hit', counters: [] },
      { op: 'hit', counters: [{ key: 'a b', window_seconds: 60 }] },
      { op: 'hit', counters: [{ key: 'k', window_seconds: 0 }] },
      { op: 'drop' },
    ]) {
      expect((await throttle(body)).status).toBe(400);
    }
  });

  it('keeps its counters away from members, admins read them', async () => {
    await throttle({ op: 'hit', counters: [{ key: 'visible-to-admin', window_seconds: 60 }] });
    const dj = await api.login('dj@spynners.local');
    expect((await api.call('GET', '/entities/AuthThrottle', { token: dj })).json).toEqual([]);
    expect((await api.call('POST', '/entities/AuthThrottle', { token: dj, body: { key: 'x', count: 0 } })).status).toBe(403);
    const admin = await api.login('admin@spynners.local');
    const all = (await api.call('GET', '/entities/AuthThrottle', { token: admin })).json as { key: string }[];
    expect(all.map((r) => r.key)).toContain('visible-to-admin');
  });
});
