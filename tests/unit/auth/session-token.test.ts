import { encode, type JWT } from 'next-auth/jwt';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeSessionToken } from '@/lib/auth/session-token';

const secret = 'unit-secret-0123456789abcdefghijklmnopqrstuv';
const claims: JWT = { uid: 'u1', role: 'user', userType: 'dj', base44Token: 'b44-token' };

describe('decodeSessionToken', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads what next-auth wrote, again and again with the same secret', async () => {
    const token = await encode({ token: claims, secret, maxAge: 60 });
    for (let i = 0; i < 3; i++) expect(await decodeSessionToken({ token, secret })).toMatchObject(claims);
  });

  it('refuses a cookie sealed with another secret or salt, and tampered ones', async () => {
    const token = await encode({ token: claims, secret, maxAge: 60 });
    await decodeSessionToken({ token, secret }); // the right key is cached first
    await expect(decodeSessionToken({ token, secret: `${secret}x` })).rejects.toThrow();
    await expect(decodeSessionToken({ token, secret, salt: 'other' })).rejects.toThrow();
    const tampered = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    await expect(decodeSessionToken({ token: tampered, secret })).rejects.toThrow();
  });

  it('refuses an expired session', async () => {
    const token = await encode({ token: claims, secret, maxAge: -60 });
    await expect(decodeSessionToken({ token, secret })).rejects.toThrow();
  });

  it('refuses a cookie it already opened once its session has expired', async () => {
    vi.useFakeTimers({ now: Date.now(), toFake: ['Date'] });
    const token = await encode({ token: claims, secret, maxAge: 60 });
    expect(await decodeSessionToken({ token, secret })).toMatchObject(claims);
    vi.setSystemTime(Date.now() + 60_000);
    expect(await decodeSessionToken({ token, secret })).toMatchObject(claims); // within the clock tolerance
    vi.setSystemTime(Date.now() + 20_000);
    await expect(decodeSessionToken({ token, secret })).rejects.toThrow(/expired/);
  });

  it('hands out copies: a caller changing its claims does not change the next caller\'s', async () => {
    const token = await encode({ token: claims, secret, maxAge: 60 });
    const first = (await decodeSessionToken({ token, secret }))!;
    first.role = 'admin';
    expect((await decodeSessionToken({ token, secret }))!.role).toBe('user');
  });

  it('has nothing to read without a cookie', async () => {
    expect(await decodeSessionToken({ token: undefined, secret })).toBeNull();
  });
});
