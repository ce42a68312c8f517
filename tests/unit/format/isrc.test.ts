import { describe, expect, it } from 'vitest';
import { formatIsrc } from '@/lib/format/isrc';

describe('formatIsrc', () => {
  it('puts the dashes between country, registrant, year and designation', () => {
    expect(formatIsrc('FRZ032500001')).toBe('FR-Z03-25-00001');
    expect(formatIsrc('GBAYE2412345')).toBe('GB-AYE-24-12345');
  });

  it('reads a code already dashed, spaced or in lower case the same way', () => {
    expect(formatIsrc('FR-Z03-25-00001')).toBe('FR-Z03-25-00001');
    expect(formatIsrc('fr z03 25 00001')).toBe('FR-Z03-25-00001');
  });

  it('shows anything that is not an ISRC as it is', () => {
    expect(formatIsrc('unknown')).toBe('unknown');
    expect(formatIsrc('FRZ0325000011')).toBe('FRZ0325000011');
    expect(formatIsrc('FRZ03AB00001')).toBe('FRZ03AB00001');
  });
});
