import { beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryCounterStore } from '@/lib/auth/throttle/counters';

const SECRET = 'unit-test-secret-0123456789-0123456789';
let counters = memoryCounterStore();

vi.mock('@/lib/config/env', () => ({
  serverEnv: () => ({ nextAuthSecret: SECRET, signInAddressLimit: 20, signUpAddressLimit: 5 }),
}));
vi.mock('@/lib/auth/throttle/store', () => ({ throttleCounters: () => counters }));
vi.mock('@/lib/auth/session', () => ({ usesSecureCookies: () => false }));

const { withSignInThrottle } = await import('@/lib/auth/endpoint/throttle');

const URL_BASE = 'http://127.0.0.1:3100';

function attempt(email: string, cookie = '', path = '/api/auth/callback/credentials') {
  return new Request(`${URL_BASE}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie && { cookie }) },
    body: new URLSearchParams({ email, password: 'x', csrfToken: 't', json: 'true' }),
  });
}

/** Stands in for next-auth: reads the body as it would, then answers like it does. */
const nextAuth = (ok: boolean) => async (req: Request) => {
  await req.text();
  const headers = new Headers({ 'content-type': 'application/json' });
  if (ok) headers.append('set-cookie', 'next-auth.session-token=abc; Path=/; HttpOnly');
  headers.append('set-cookie', 'next-auth.csrf-token=t; Path=/');
  const url = ok ? `${URL_BASE}/library` : `${URL_BASE}/api/auth/error?error=CredentialsSignin`;
  return new Response(JSON.stringify({ url }), { status: ok ? 200 : 401, headers });
};

const noDelays = () => vi.useFakeTimers({ toFake: ['setTimeout'] });

describe('the auth endpoint\'s throttle', () => {
  beforeEach(() => {
    counters = memoryCounterStore();
    vi.useRealTimers();
  });

  async function run(req: Request, ok: boolean) {
    noDelays();
    const pending = withSignInThrottle(req, nextAuth(ok));
    await vi.runAllTimersAsync();
    const res = await pending;
    vi.useRealTimers();
    return res;
  }

  it('answers the 6th attempt on an account 429 with Retry-After and an error next-auth\'s client reads', async () => {
    for (let i = 0; i < 5; i++) expect((await run(attempt('dj@example.com'), false)).status).toBe(401);
    const refused = await run(attempt('dj@example.com'), true);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBe(900);
    const body = (await refused.json()) as { url: string; error: { code: string; message: string } };
    expect(new URL(body.url).searchParams.get('error')).toBe('too_many_attempts:900');
    expect(body.error).toEqual({ code: 'too_many_attempts', message: 'Too many attempts. Try again in 15 minutes.' });
    expect(refused.headers.getSetCookie()).toEqual([]);
  });

  it('gives a browser that signed in a device cookie, which then gets through while the account is throttled', async () => {
    const signedIn = await run(attempt('dj@example.com'), true);
    expect(signedIn.status).toBe(200);
    const device = signedIn.headers.getSetCookie().find((c) => c.startsWith('spynners.device='));
    expect(device).toMatch(/HttpOnly/);
    expect(device).toMatch(/SameSite=Strict/);
    expect(device).toMatch(/Path=\/api\/auth/);
    expect(signedIn.headers.getSetCookie()).toContain('next-auth.session-token=abc; Path=/; HttpOnly');

    for (let i = 0; i < 6; i++) await run(attempt('dj@example.com'), false);
    expect((await run(attempt('dj@example.com'), true)).status).toBe(429);
    const cookie = device!.split(';')[0]!;
    expect((await run(attempt('dj@example.com', cookie), true)).status).toBe(200);
    // The cookie names this account only.
    expect((await run(attempt('other@example.com', cookie), false)).status).toBe(401);
  });

  it('a failed attempt gets no device cookie; other next-auth endpoints pass untouched', async () => {
    const failed = await run(attempt('dj@example.com'), false);
    expect(failed.headers.getSetCookie().some((c) => c.startsWith('spynners.device='))).toBe(false);
    let reached = 0;
    const csrf = await withSignInThrottle(new Request(`${URL_BASE}/api/auth/csrf`), async () => (reached++, new Response('{}')));
    expect(csrf.status).toBe(200);
    expect(reached).toBe(1);
  });

  it('counts sign-ups per email', async () => {
    for (let i = 0; i < 5; i++) await run(attempt('new@example.com', '', '/api/auth/callback/signup'), false);
    expect((await run(attempt('new@example.com', '', '/api/auth/callback/signup'), true)).status).toBe(429);
  });

  it('fails closed when the counters cannot be reached', async () => {
    counters = { hit: () => Promise.reject(new Error('down')), settle: async () => undefined };
    const res = await withSignInThrottle(attempt('dj@example.com'), nextAuth(true));
    expect(res.status).toBe(503);
  });
});
