import { NextRequest } from 'next/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHUNK, endlessBody } from '../http/endless-body';

// next-auth reads cookies through next/headers: a jar stands in for the request's.
const jar = new Map<string, string>();
const deleted: string[] = [];
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    delete: (name: string) => {
      deleted.push(name);
      jar.delete(name);
    },
  }),
}));

process.env.NEXTAUTH_URL = 'https://console.test';
const { prepareAuthRequest, AUTH_BODY_LIMIT_BYTES } = await import('@/lib/auth/endpoint/prepare-request');

const FORM = 'application/x-www-form-urlencoded';

function post(path: string, body: BodyInit, type = FORM, headers: Record<string, string> = {}) {
  return new Request(`http://127.0.0.1:3101${path}`, {
    method: 'POST',
    headers: { 'content-type': type, ...headers },
    body,
    duplex: 'half',
  } as RequestInit);
}

async function prepared(req: Request): Promise<NextRequest> {
  const result = await prepareAuthRequest(req);
  expect(result).toBeInstanceOf(NextRequest);
  return result as NextRequest;
}

beforeEach(() => {
  jar.clear();
  deleted.length = 0;
});

describe('prepareAuthRequest: bounded bodies', () => {
  it('refuses a chunked sign-in body past 16 KiB with 413 JSON, having read no more than that', async () => {
    const { stream, seen } = endlessBody();
    const res = (await prepareAuthRequest(post('/api/auth/callback/credentials', stream))) as Response;
    expect(res).not.toBeInstanceOf(NextRequest);
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect((await res.json()).error.code).toBe('payload_too_large');
    expect(seen.pulledBytes).toBeLessThanOrEqual(AUTH_BODY_LIMIT_BYTES + CHUNK);
    expect(seen.cancelled).toBe(true);
  });

  it('refuses a declared length over the limit without reading', async () => {
    const { stream, seen } = endlessBody();
    const res = (await prepareAuthRequest(post('/api/auth/callback/credentials', stream, FORM, { 'content-length': '20000' }))) as Response;
    expect(res.status).toBe(413);
    expect(seen.pulledBytes).toBe(0);
  });

  it('hands next-auth the same form, readable by next-auth (nextUrl, body)', async () => {
    const form = 'csrfToken=abc&email=dj%40spynners.local&password=p%C3%A0ss&json=true';
    const req = await prepared(post('/api/auth/callback/credentials?x=1', form));
    expect(req.method).toBe('POST');
    expect(req.nextUrl.pathname).toBe('/api/auth/callback/credentials');
    expect(req.nextUrl.searchParams.get('x')).toBe('1');
    expect(req.headers.get('content-type')).toBe(FORM);
    expect(await req.text()).toBe(form);
  });

  it('answers an unparsable JSON body with 400 instead of letting next-auth throw', async () => {
    const res = (await prepareAuthRequest(post('/api/auth/signout', '{', 'application/json'))) as Response;
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('invalid_json');
  });

  it('passes a GET through with no body', async () => {
    const req = await prepared(new Request('http://127.0.0.1:3101/api/auth/session'));
    expect(req.method).toBe('GET');
    expect(req.body).toBeNull();
  });
});

describe('prepareAuthRequest: callbackUrl', () => {
  it.each(['http://%zz', 'javascript:alert(1)', 'https://evil.test/', '//evil.test'])('drops the form field %j', async (bad) => {
    const req = await prepared(post('/api/auth/callback/credentials', new URLSearchParams({ csrfToken: 'abc', callbackUrl: bad }).toString()));
    const form = new URLSearchParams(await req.text());
    expect(form.get('callbackUrl')).toBeNull();
    expect(form.get('csrfToken')).toBe('abc');
  });

  it('keeps a callbackUrl on the console (the page the form was on, or a path)', async () => {
    for (const good of ['http://127.0.0.1:3101/sign-in', 'https://console.test/library', '/library']) {
      const req = await prepared(post('/api/auth/callback/credentials', new URLSearchParams({ callbackUrl: good }).toString()));
      expect(new URLSearchParams(await req.text()).get('callbackUrl')).toBe(good);
    }
  });

  it('drops an unsafe JSON field', async () => {
    const req = await prepared(post('/api/auth/signout', JSON.stringify({ csrfToken: 'abc', callbackUrl: 'http://%zz' }), 'application/json'));
    expect(await req.json()).toEqual({ csrfToken: 'abc' });
  });

  it('drops an unsafe query parameter and keeps the others', async () => {
    const req = await prepared(new Request('http://127.0.0.1:3101/api/auth/signin?callbackUrl=http%3A%2F%2F%25zz&error=x'));
    expect(req.nextUrl.searchParams.has('callbackUrl')).toBe(false);
    expect(req.nextUrl.searchParams.get('error')).toBe('x');
    const kept = await prepared(new Request('http://127.0.0.1:3101/api/auth/signin?callbackUrl=%2Flibrary'));
    expect(kept.nextUrl.searchParams.get('callbackUrl')).toBe('/library');
  });

  it('deletes an unsafe callback-url cookie (both names) and keeps a safe one', async () => {
    jar.set('next-auth.callback-url', 'http://%zz');
    jar.set('__Secure-next-auth.callback-url', 'https://console.test/library');
    await prepared(new Request('http://127.0.0.1:3101/api/auth/session'));
    expect(deleted).toEqual(['next-auth.callback-url']);
    jar.set('__Secure-next-auth.callback-url', '::');
    await prepared(new Request('http://127.0.0.1:3101/api/auth/csrf'));
    expect(deleted).toEqual(['next-auth.callback-url', '__Secure-next-auth.callback-url']);
  });
});
