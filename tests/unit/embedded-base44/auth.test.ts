import Database from 'better-sqlite3';
import { decodeJwt, SignJWT } from 'jose';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JWT_SECRET, startTestBackend, type TestBackend } from './support';

const PASSWORD = 'Correct-Horse-Battery-42';
let api: TestBackend;

beforeAll(async () => {
  api = await startTestBackend();
});
afterAll(() => api.close());

const sign = (claims: { sub: string; aud?: string; exp?: number | string }, secret = JWT_SECRET) =>
  new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setIssuer('embedded-base44')
    .setAudience(claims.aud ?? 'spynners-local')
    .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
    .setExpirationTime(claims.exp ?? '1h')
    .sign(new TextEncoder().encode(secret));

describe('login', () => {
  it('returns a signed token and the user, custom fields flattened and under data', async () => {
    const answer = await api.call('POST', '/auth/login', { body: { email: 'DJ@spynners.local', password: 'spynners' } });
    expect(answer.status).toBe(200);
    const { access_token: token, user } = answer.json;
    expect(user).toMatchObject({ email: 'dj@spynners.local', role: 'user', user_type: 'dj', artist_name: 'DJ Nova', black_diamonds: 3 });
    expect(user.data).toMatchObject({ user_type: 'dj', artist_name: 'DJ Nova', black_diamonds: 3 });
    expect(user.data).not.toHaveProperty('email');
    const claims = decodeJwt(token);
    expect(claims.sub).toBe(user.id);
    expect(claims.exp! - claims.iat!).toBe(7 * 24 * 3600);
    expect((await api.call('GET', '/entities/User/me', { token })).json.id).toBe(user.id);
  });

  it.each([
    ['a wrong password', { email: 'dj@spynners.local', password: 'wrong-password' }],
    ['an unknown email', { email: 'nobody@spynners.local', password: 'spynners' }],
  ])('answers 401 JSON to %s, with the same message', async (_, body) => {
    const answer = await api.call('POST', '/auth/login', { body });
    expect(answer.status).toBe(401);
    expect(answer.json.message).toBe('Invalid email or password');
  });

  it('answers 400 to a login without credentials', async () => {
    expect((await api.call('POST', '/auth/login', { body: { email: 'dj@spynners.local' } })).status).toBe(400);
  });
});

describe('registration', () => {
  it('creates a user who can sign in, and refuses the same email twice', async () => {
    const body = { email: 'New.DJ@Example.com', password: PASSWORD, full_name: 'New DJ', user_type: 'dj', artist_name: 'Newcomer' };
    const answer = await api.call('POST', '/auth/register', { body });
    expect(answer.status).toBe(201);
    expect(answer.json.user).toMatchObject({ email: 'new.dj@example.com', role: 'user', black_diamonds: 0, artist_name: 'Newcomer' });
    expect(answer.json.user.created_by_id).toBe(answer.json.user.id);
    expect((await api.call('GET', '/entities/User/me', { token: answer.json.access_token })).json.full_name).toBe('New DJ');
    expect(await api.login('new.dj@example.com', PASSWORD)).toBeTruthy();
    const again = await api.call('POST', '/auth/signup', { body: { ...body, email: 'new.dj@example.com' } });
    expect(again.status).toBe(409);
    expect(again.json.message).toMatch(/already exists/);
  });

  it('accepts /auth/signup as the same call', async () => {
    const answer = await api.call('POST', '/auth/signup', { body: { email: 'signup@example.com', password: PASSWORD, full_name: 'S' } });
    expect(answer.status).toBe(201);
  });

  it.each([
    ['a short password', { email: 'a@example.com', password: 'short' }, 400],
    ['an invalid email', { email: 'not-an-email', password: PASSWORD }, 400],
    ['a chosen role', { email: 'b@example.com', password: PASSWORD, role: 'admin' }, 403],
    ['a chosen balance', { email: 'c@example.com', password: PASSWORD, black_diamonds: 50 }, 403],
  ])('refuses %s', async (_, body, status) => {
    expect((await api.call('POST', '/auth/register', { body })).status).toBe(status);
  });

  it('never stores or returns a password in clear', async () => {
    const db = new Database(path.join(api.dataDir, 'base44.sqlite'), { readonly: true });
    const row = db.prepare('SELECT data, password_hash FROM "User" WHERE f_email = ?').get('new.dj@example.com') as { data: string; password_hash: string };
    db.close();
    expect(row.password_hash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[\w-]{22}\$[\w-]{43}$/);
    expect(row.data).not.toContain(PASSWORD);
    for (const file of readdirSync(api.dataDir).filter((f) => f.startsWith('base44.sqlite'))) {
      expect(readFileSync(path.join(api.dataDir, file)).includes(Buffer.from(PASSWORD)), file).toBe(false);
    }
    const users = await api.call('GET', '/entities/User', { token: await api.login('admin@spynners.local') });
    expect(JSON.stringify(users.json)).not.toMatch(/password|scrypt\$/);
  });
});

describe('tokens', () => {
  let djId: string;
  beforeAll(async () => {
    djId = (await api.call('GET', '/entities/User/me', { token: await api.login('dj@spynners.local') })).json.id;
  });

  it('accepts a token signed with the backend secret', async () => {
    expect((await api.call('GET', '/entities/User/me', { token: await sign({ sub: djId }) })).status).toBe(200);
  });

  it.each([
    ['no token', async () => undefined, 'Authentication required'],
    ['a malformed token', async () => 'not.a.jwt', 'Invalid token'],
    ['a token signed with another secret', async () => sign({ sub: djId }, 'someone-elses-secret-0123456789abcdef'), 'Invalid token'],
    ['an expired token', async () => sign({ sub: djId, exp: Math.floor(Date.now() / 1000) - 60 }), 'Token expired'],
    ['a token for another app', async () => sign({ sub: djId, aud: 'another-app' }), 'Invalid token'],
    ['a token for a user who does not exist', async () => sign({ sub: 'ffffffffffffffffffffffff' }), 'The account no longer exists'],
    [
      'a token with a tampered payload',
      async () => {
        const [header, , signature] = (await sign({ sub: djId })).split('.');
        const payload = Buffer.from(JSON.stringify({ sub: 'admin', iss: 'embedded-base44', aud: 'spynners-local', exp: 9e9 })).toString('base64url');
        return `${header}.${payload}.${signature}`;
      },
      'Invalid token',
    ],
  ])('answers 401 JSON to %s', async (_, makeToken, message) => {
    const answer = await api.call('GET', '/entities/Track', { token: await makeToken() });
    expect(answer.status).toBe(401);
    expect(answer.json).toMatchObject({ message, code: 'unauthorized' });
  });
});
