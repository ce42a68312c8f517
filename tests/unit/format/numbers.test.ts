import { describe, expect, it } from 'vitest';
import { formatCount } from '@/lib/format/numbers';

describe('formatCount', () => {
  it('groups digits by threes as toLocaleString("en") does', () => {
    for (const n of [0, 7, 42, 999, 1000, 12345, 123456, 1234567, 50000, -1234, 1000000000]) {
      expect(formatCount(n)).toBe(n.toLocaleString('en'));
    }
  });

  it('prints whole numbers only', () => {
    expect(formatCount(1234.9)).toBe('1,234');
    expect(formatCount(Number.NaN)).toBe('NaN');
  });
});
