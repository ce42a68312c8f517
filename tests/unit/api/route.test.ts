import { NextRequest } from 'next/server';
import { encode } from 'next-auth/jwt';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

const SECRET = 'unit-test-secret-0123456789abcdefghijklmnopqrstuvwxyz';
process.env.NEXTAUTH_SECRET = SECRET;
process.env.NEXTAUTH_URL = 'http://console.test';
process.env.BASE44_SERVER_URL = 'http://base44.invalid';

// The session cookies below carry a sid; whether it is live is the data source's answer (tested in
// tests/unit/auth/session-liveness.test.ts): here every session with one is.
vi.mock('@/lib/auth/console-sessions', () => ({
  isTokenLive: async (token: { sid?: string }) => Boolean(token.sid),
  sessionLiveness: () => ({ markDead: () => undefined, markUserDead: () => undefined }),
}));

const { route } = await import('@/lib/api/route');
const { Base44Error } = await import('@/lib/base44');

const ORIGIN = 'http://console.test';
const noParams = { params: Promise.resolve({}) };
let userCookie = '';
let adminCookie = '';

async function sessionCookie(role: 'user' | 'admin' | 'admin_readonly'): Promise<string> {
  const token = await encode({
    token: { uid: `${role}-1`, sid: `${role}-session`, role, userType: 'dj', base44Token: `b44-${role}-token`, email: `${role}@x.test` },
    secret: SECRET,
  });
  return `next-auth.session-token=${token}`;
}

function request(method: string, init: { cookie?: string; origin?: string | null; fetchSite?: string; type?: string; body?: string } = {}) {
  const headers = new Headers();
  if (init.cookie) headers.set('cookie', init.cookie);
  if (init.origin !== null) headers.set('origin', init.origin ?? ORIGIN);
  if (init.fetchSite) headers.set('sec-fetch-site', init.fetchSite);
  if (init.type) headers.set('content-type', init.type);
  return new NextRequest(`${ORIGIN}/api/things?x=1`, { method, headers, body: init.body });
}

beforeAll(async () => {
  userCookie = await sessionCookie('user');
  adminCookie = await sessionCookie('admin');
});

describe('route()', () => {
  const body = z.object({ name: z.string().min(1) }).strict();

  it('answers a signed-in GET with the handler result as JSON, and gives the handler the token', async () => {
    const handler = vi.fn(async ({ auth }: { auth: { base44Token: string; role: string } }) => ({ role: auth.role, hasToken: auth.base44Token === 'b44-user-token' }));
    const res = await route({}, handler)(request('GET', { cookie: userCookie, origin: null }), noParams);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ role: 'user', hasToken: true });
  });

  it('refuses a request without a session with 401 unauthenticated', async () => {
    const handler = vi.fn();
    const res = await route({}, handler)(request('GET', { origin: null }), noParams);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('unauthenticated');
    expect(handler).not.toHaveBeenCalled();
  });

  it.each([
    ['another Origin', { origin: 'http://evil.test' }],
    ['a cross-site Sec-Fetch-Site', { origin: null, fetchSite: 'cross-site' }],
    ['neither Origin nor Sec-Fetch-Site', { origin: null }],
  ])('refuses a mutating request with %s (403) before touching anything', async (_, headers) => {
    const handler = vi.fn();
    const res = await route({ body }, handler)(request('POST', { cookie: userCookie, type: 'application/json', body: '{"name":"x"}', ...headers }), noParams);
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('cross_origin');
    expect(handler).not.toHaveBeenCalled();
  });

  it('accepts a same-origin mutating request by Sec-Fetch-Site', async () => {
    const res = await route({ body }, async ({ body: b }) => b)(
      request('POST', { cookie: userCookie, origin: null, fetchSite: 'same-origin', type: 'application/json', body: '{"name":"ok"}' }),
      noParams,
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ name: 'ok' });
  });

  it('refuses a text/plain body with 415, malformed JSON with 400 invalid_json, a bad shape with 400 and its issues', async () => {
    const handler = vi.fn();
    const post = (type: string, text: string) => route({ body }, handler)(request('POST', { cookie: userCookie, type, body: text }), noParams);
    const plain = await post('text/plain', '{"name":"x"}');
    expect(plain.status).toBe(415);
    const malformed = await post('application/json', '{"name":');
    expect((await malformed.json()).error.code).toBe('invalid_json');
    const invalid = await post('application/json', '{"name":"","admin":true}');
    expect(invalid.status).toBe(400);
    const error = (await invalid.json()).error;
    expect(error.code).toBe('invalid_input');
    expect(error.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(['name']));
    expect(handler).not.toHaveBeenCalled();
  });

  it('keeps admin routes for admins', async () => {
    const handler = vi.fn(async () => ({ ok: true }));
    const asUser = await route({ access: 'admin' }, handler)(request('GET', { cookie: userCookie }), noParams);
    expect(asUser.status).toBe(403);
    expect(handler).not.toHaveBeenCalled();
    const asAdmin = await route({ access: 'admin' }, handler)(request('GET', { cookie: adminCookie }), noParams);
    expect(asAdmin.status).toBe(200);
  });

  it('lets read-only admins through staff routes only', async () => {
    const handler = vi.fn(async () => ({ ok: true }));
    const readOnly = await sessionCookie('admin_readonly');
    expect((await route({ access: 'staff' }, handler)(request('GET', { cookie: readOnly }), noParams)).status).toBe(200);
    expect((await route({ access: 'staff' }, handler)(request('GET', { cookie: adminCookie }), noParams)).status).toBe(200);
    expect(handler).toHaveBeenCalledTimes(2);
    expect((await route({ access: 'staff' }, handler)(request('GET', { cookie: userCookie }), noParams)).status).toBe(403);
    const body = z.object({ reason: z.string().min(3) });
    const mutation = await route({ access: 'admin', body }, handler)(
      request('POST', { cookie: readOnly, type: 'application/json', body: '{"reason":""}' }),
      noParams,
    );
    // Refused for the role before the body is even read: no hint about what would be accepted.
    expect(mutation.status).toBe(403);
    expect((await mutation.json()).error.code).toBe('forbidden');
    expect(handler).toHaveBeenCalledTimes(2);
  });

  it('validates path params', async () => {
    const res = await route({ params: z.object({ id: z.string().regex(/^\w+$/) }) }, async () => ({}))(
      request('GET', { cookie: userCookie }),
      { params: Promise.resolve({ id: '../etc' }) },
    );
    expect(res.status).toBe(400);
  });

  it('turns an upstream 401 into a distinct session_expired 401 that clears the session cookie', async () => {
    const res = await route({}, async () => {
      throw new Base44Error('unauthorized');
    })(request('GET', { cookie: userCookie }), noParams);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('session_expired');
    expect(res.headers.get('set-cookie')).toMatch(/next-auth\.session-token=;.*Max-Age=0/i);
  });

  it('passes Retry-After on when Base44 rate-limits', async () => {
    const res = await route({}, async () => {
      throw new Base44Error('rate_limited', { retryAfterSeconds: 7 });
    })(request('GET', { cookie: userCookie }), noParams);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('7');
  });

  it('hides unexpected errors behind a generic 500', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const res = await route({}, async () => {
      throw new Error('database password is hunter2');
    })(request('GET', { cookie: userCookie }), noParams);
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain('hunter2');
    expect(JSON.parse(text).error.code).toBe('internal');
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });

  it('does not log the abort of a client that went away as a failure', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const client = new AbortController();
    const req = new NextRequest(`${ORIGIN}/api/things`, { headers: { cookie: userCookie }, signal: client.signal });
    const res = await route({}, async () => {
      client.abort();
      throw new Error('ResponseAborted');
    })(req, noParams);
    expect(res.status).toBe(500);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });
});
