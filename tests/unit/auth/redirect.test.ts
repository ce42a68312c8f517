import { describe, expect, it } from 'vitest';
import { isSafeCallbackUrl, safeRedirect } from '@/lib/auth/redirect';

const BASE = 'https://console.test';

describe('safeRedirect (next-auth redirect callback)', () => {
  it.each([
    ['/library?genre=Techno', `${BASE}/library?genre=Techno`],
    ['/sign-in', `${BASE}/sign-in`],
    [`${BASE}/tracks/abc`, `${BASE}/tracks/abc`],
  ])('follows %s', (url, expected) => {
    expect(safeRedirect({ url, baseUrl: BASE })).toBe(expected);
  });

  it.each([
    'http://%zz',
    'http://[::1',
    '::',
    '%FF%FE',
    'javascript:alert(1)',
    'https://evil.test/library',
    'http://console.test/library',
    '//evil.test/path',
    '/\\evil.test',
    '/\t/evil.test',
    '',
  ])('falls back to the base for %j instead of throwing', (url) => {
    expect(safeRedirect({ url, baseUrl: BASE })).toBe(BASE);
  });
});

describe('isSafeCallbackUrl', () => {
  it('accepts any of the console origins, and same-site paths', () => {
    const origins = ['https://console.test', 'http://127.0.0.1:3101'];
    expect(isSafeCallbackUrl('http://127.0.0.1:3101/library', origins)).toBe(true);
    expect(isSafeCallbackUrl('https://console.test/', origins)).toBe(true);
    expect(isSafeCallbackUrl('/library', origins)).toBe(true);
    expect(isSafeCallbackUrl('http://127.0.0.1:3102/library', origins)).toBe(false);
  });
});
