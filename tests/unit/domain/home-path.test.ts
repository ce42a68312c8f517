import { describe, expect, it } from 'vitest';
import { homePathFor } from '@/lib/domain/home-path';

describe('homePathFor', () => {
  it.each([
    [{ role: 'user', userType: 'dj' }, '/library'],
    [{ role: 'user', userType: 'producer' }, '/my-tracks'],
    [{ role: 'user', userType: 'dj_producer' }, '/my-tracks'],
    [{ role: 'user', userType: 'label' }, '/my-tracks'],
    [{ role: 'admin', userType: 'producer' }, '/admin/review'],
    [{ role: 'admin_readonly', userType: 'dj' }, '/admin/review'],
  ] as const)('%o → %s', (member, expected) => {
    expect(homePathFor(member)).toBe(expected);
  });
});
