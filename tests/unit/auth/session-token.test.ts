import { encode, type JWT } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { decodeSessionToken } from '@/lib/auth/session-token';

const secret = 'unit-secret-0123456789abcdefghijklmnopqrstuv';
const claims: JWT = { uid: 'u1', role: 'user', userType: 'dj', base44Token: 'b44-token' };

describe('decodeSessionToken', () => {
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

  it('has nothing to read without a cookie', async () => {
    expect(await decodeSessionToken({ token: undefined, secret })).toBeNull();
  });
});
