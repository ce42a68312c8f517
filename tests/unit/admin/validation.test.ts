import { describe, expect, it } from 'vitest';
import { grantDiamondsSchema, previewWindowIssue, rejectTrackSchema, trackVipSchema, userListQuerySchema } from '@/lib/domain/admin';

describe('reject reason', () => {
  it('is required, trimmed and bounded', () => {
    expect(rejectTrackSchema.safeParse({}).success).toBe(false);
    expect(rejectTrackSchema.safeParse({ reason: '   ' }).success).toBe(false);
    expect(rejectTrackSchema.safeParse({ reason: 'ok' }).success).toBe(false);
    expect(rejectTrackSchema.safeParse({ reason: 'x'.repeat(501) }).success).toBe(false);
    expect(rejectTrackSchema.parse({ reason: '  Clipping in the drop  ' })).toEqual({ reason: 'Clipping in the drop' });
    expect(rejectTrackSchema.safeParse({ reason: 'Clipping', status: 'approved' }).success).toBe(false);
  });
});

describe('diamond grants', () => {
  it.each([[1, true], [1000, true], [0, false], [-5, false], [1001, false], [2.5, false], ['10', false], [null, false], [Number.NaN, false]])(
    'amount %s accepted: %s',
    (amount, ok) => {
      expect(grantDiamondsSchema.safeParse({ amount }).success).toBe(ok);
    },
  );
});

describe('VIP preview window', () => {
  it.each([
    [{ startSeconds: 0, endSeconds: 30 }, 180, null],
    [{ startSeconds: 150, endSeconds: 180 }, 180, null],
    [{ startSeconds: 30, endSeconds: 30 }, 180, 'endSeconds'],
    [{ startSeconds: 40, endSeconds: 30 }, 180, 'endSeconds'],
    [{ startSeconds: 150, endSeconds: 181 }, 180, 'endSeconds'],
    [{ startSeconds: -1, endSeconds: 30 }, 180, 'startSeconds'],
    [{ startSeconds: 10, endSeconds: 9999 }, null, null],
  ] as const)('%j in a %s s track → issue on %s', (window, duration, path) => {
    expect(previewWindowIssue(window, duration)?.path ?? null).toBe(path);
  });

  it('needs a window for a VIP track; none is fine for a non-VIP one', () => {
    expect(trackVipSchema.safeParse({ isVip: true, preview: null }).success).toBe(false);
    expect(trackVipSchema.safeParse({ isVip: false, preview: null }).success).toBe(true);
    expect(trackVipSchema.safeParse({ isVip: true, preview: { startSeconds: 0, endSeconds: 20 } }).success).toBe(true);
    expect(trackVipSchema.safeParse({ isVip: true, preview: { startSeconds: 0, endSeconds: 20 }, status: 'approved' }).success).toBe(false);
  });
});

describe('user list query', () => {
  it('accepts a role of the canonical set and a page', () => {
    expect(userListQuerySchema.parse({ role: 'admin_readonly', page: '2' })).toEqual({ role: 'admin_readonly', page: 2 });
    expect(userListQuerySchema.safeParse({ role: 'superuser' }).success).toBe(false);
    expect(userListQuerySchema.safeParse({ offset: '10' }).success).toBe(false);
  });
});
