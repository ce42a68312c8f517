import { NextRequest } from 'next/server';
import { describe, expect, it, vi } from 'vitest';

// Issue #16: per-member JSON (/api/me, /api/vip...) had no Cache-Control: private, no-store.
process.env.NEXTAUTH_SECRET = 'unit-test-secret-0123456789abcdefghijklmnopqrstuvwxyz';
process.env.NEXTAUTH_URL = 'http://console.test';
process.env.BASE44_SERVER_URL = 'http://base44.invalid';
vi.mock('@/lib/auth/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/auth/session')>()),
  readAuthContext: async (req: NextRequest) =>
    req.headers.get('cookie') ? { userId: 'u1', role: 'user', userType: 'dj', base44Token: 'b44-token', sessionId: 's1' } : null,
}));

const { route } = await import('@/lib/api/route');
const { ApiError } = await import('@/lib/api/errors');
const noParams = { params: Promise.resolve({}) };
const signedIn = () => new NextRequest('http://console.test/api/me', { headers: { cookie: 'x=1' } });

describe('Cache-Control of API answers', () => {
  it('a small member answer: private, no-store, and still no-transform', async () => {
    const res = await route({}, async () => ({ diamonds: 3 }))(signedIn(), noParams);
    expect(res.headers.get('cache-control')).toBe('private, no-store, no-transform');
  });

  it('a big member answer: private, no-store (compressed by Next)', async () => {
    const res = await route({}, async () => ({ items: 'x'.repeat(5000) }))(signedIn(), noParams);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
  });

  it.each([
    ['401 signed out', () => new NextRequest('http://console.test/api/me'), async () => ({})],
    ['403', signedIn, async () => { throw new ApiError('forbidden', 'no'); }],
    ['500', signedIn, async () => { throw new Error('boom'); }],
  ])('errors (%s): private, no-store, no-transform', async (_, req, handler) => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const res = await route({}, handler)(req(), noParams);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.headers.get('cache-control')).toBe('private, no-store, no-transform');
  });

  it("a handler's own Response without Cache-Control is not stored either, even with immutable headers", async () => {
    const upstream = Response.error();
    expect(() => upstream.headers.set('x', '1')).toThrow();
    const own = await route({}, async () => new Response('{}', { status: 201 }))(signedIn(), noParams);
    expect(own.status).toBe(201);
    expect(own.headers.get('cache-control')).toBe('private, no-store');
  });

  it("keeps the caching a handler chose (media, the catalogue's ETag revalidation)", async () => {
    const res = await route({}, async () => new Response('x', { headers: { 'Cache-Control': 'private, no-cache', ETag: 'W/"1"' } }))(signedIn(), noParams);
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
  });
});
