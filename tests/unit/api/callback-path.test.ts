import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from '@/lib/auth/callback-path';

describe('safeCallbackPath', () => {
  it.each([
    ['/library?genre=Techno', '/library?genre=Techno'],
    ['/tracks/abc', '/tracks/abc'],
    // No page asked for: `/`, which sends each member to their role's home.
    [undefined, '/'],
    ['', '/'],
    ['https://evil.test/', '/'],
    ['//evil.test/path', '/'],
    ['/\\evil.test', '/'],
    ['javascript:alert(1)', '/'],
  ])('%s → %s', (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });
});
