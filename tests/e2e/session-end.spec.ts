import { expect, test } from './support/fresh-clients';
import { E2E } from './support/servers';
import { signInThroughApi, signUpThroughApi, uniqueEmail } from './support/auth';
import { replay, sameOrigin, sessionCookieOf, signOutThroughApi } from './support/session-cookies';

// Issue #16, finding 2: an ended session must be dead for every route, /api/auth/session included.

const PASSWORD = 'correct-horse-42';

test.describe('sessions that end', () => {
  test('after sign-out the old cookie neither reads nor writes, and /api/auth/session answers {}', async ({ freshClient }) => {
    const dj = await freshClient();
    await signUpThroughApi(dj, uniqueEmail('signout'), PASSWORD);
    const cookie = await sessionCookieOf(dj);
    const raw = await freshClient();
    const before = await replay(raw, cookie);
    expect(before.me).toBe(200);
    expect(before.playlist).toBe(201);
    expect(before.session).toHaveProperty('user');

    expect((await signOutThroughApi(dj)).status()).toBe(200);
    const after = await replay(raw, cookie);
    expect(after).toEqual({ me: 401, playlist: 401, session: {} });
  });

  test('sign out everywhere ends a second browser\'s session, and this one', async ({ freshClient }) => {
    const email = uniqueEmail('everywhere');
    const here = await freshClient();
    const there = await freshClient();
    await signUpThroughApi(here, email, PASSWORD);
    await signInThroughApi(there, email, PASSWORD);
    const hereCookie = await sessionCookieOf(here);
    const thereCookie = await sessionCookieOf(there);

    const listed = (await (await here.get('/api/me/sessions')).json()) as { sessions: { current: boolean; deviceLabel: string }[] };
    expect(listed.sessions).toHaveLength(2);
    expect(listed.sessions.filter((s) => s.current)).toHaveLength(1);

    const ended = await here.delete('/api/me/sessions', { headers: sameOrigin });
    expect(ended.status()).toBe(200);
    expect(((await ended.json()) as { ended: number }).ended).toBe(2);

    const raw = await freshClient();
    expect(await replay(raw, thereCookie)).toEqual({ me: 401, playlist: 401, session: {} });
    expect(await replay(raw, hereCookie)).toEqual({ me: 401, playlist: 401, session: {} });
    // Signing in again works as before.
    await signInThroughApi(there, email, PASSWORD);
    expect((await there.get('/api/me')).status()).toBe(200);
  });

  test('sign out everywhere is refused from another site', async ({ freshClient }) => {
    const dj = await freshClient();
    await signUpThroughApi(dj, uniqueEmail('csrf'), PASSWORD);
    const res = await dj.delete('/api/me/sessions', { headers: { Origin: 'https://evil.example' } });
    expect(res.status()).toBe(403);
    expect((await dj.get('/api/me')).status()).toBe(200);
  });

  test('a password change keeps this device signed in and ends the others', async ({ freshClient }) => {
    const email = uniqueEmail('password');
    const here = await freshClient();
    const there = await freshClient();
    await signUpThroughApi(here, email, PASSWORD);
    await signInThroughApi(there, email, PASSWORD);
    const thereCookie = await sessionCookieOf(there);

    const wrong = await here.post('/api/me/password', { headers: sameOrigin, data: { currentPassword: 'not-my-password', newPassword: 'brand-new-pass-1' } });
    expect(wrong.status()).toBe(400);
    expect(((await wrong.json()) as { error: { issues: { path: string }[] } }).error.issues[0]?.path).toBe('currentPassword');
    expect((await here.post('/api/me/password', { headers: sameOrigin, data: { currentPassword: PASSWORD } })).status()).toBe(400);

    const changed = await here.post('/api/me/password', { headers: sameOrigin, data: { currentPassword: PASSWORD, newPassword: 'brand-new-pass-1' } });
    expect(changed.status()).toBe(200);
    expect(await changed.json()).toEqual({ endedSessions: 1 });

    expect((await here.get('/api/me')).status()).toBe(200);
    expect((await (await here.get('/api/auth/session')).json()) as object).toHaveProperty('user');
    expect(await replay(await freshClient(), thereCookie)).toEqual({ me: 401, playlist: 401, session: {} });

    const next = await freshClient();
    await signInThroughApi(next, email, 'brand-new-pass-1');
  });

  test('after an upstream 401 the session is over for /api/auth/session too', async ({ freshClient }) => {
    const email = uniqueEmail('upstream401');
    const dj = await freshClient();
    await signUpThroughApi(dj, email, PASSWORD);
    const cookie = await sessionCookieOf(dj);
    expect((await dj.get('/api/me')).status()).toBe(200);

    // The member's Base44 token dies upstream (here: an admin deletes the account at the backend).
    const backend = await freshClient();
    const api = `${E2E.backendUrl}/api/apps/${E2E.appId}`;
    const login = (await (await backend.post(`${api}/auth/login`, { data: { email: 'admin@spynners.local', password: E2E.demoPassword } })).json()) as {
      access_token: string;
    };
    const admin = { Authorization: `Bearer ${login.access_token}` };
    const [user] = (await (await backend.get(`${api}/entities/User`, { headers: admin, params: { q: JSON.stringify({ email }) } })).json()) as { id: string }[];
    expect((await backend.delete(`${api}/entities/User/${user!.id}`, { headers: admin })).status()).toBe(200);

    const me = await dj.get('/api/me');
    expect(me.status()).toBe(401);
    expect(((await me.json()) as { error: { code: string } }).error.code).toBe('session_expired');
    // At once, inside the console's 30 s liveness period: the 401 ended the session in-process.
    const session = await (await freshClient()).get('/api/auth/session', { headers: { cookie } });
    expect(await session.json()).toEqual({});
    expect(session.headers()['set-cookie'] ?? '').toMatch(/next-auth\.session-token=;/);
  });
});
