import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from '@/lib/auth/callback-path';

describe('safeCallbackPath', () => {
  it.each([
    ['/library?genre=Techno', '/library?genre=Techno'],
    ['/tracks/abc', '/tracks/abc'],
    [undefined, '/library'],
    ['', '/library'],
    ['https://evil.test/', '/library'],
    ['//evil.test/path', '/library'],
    ['/\\evil.test', '/library'],
    ['javascript:alert(1)', '/library'],
  ])('%s → %s', (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });
});
