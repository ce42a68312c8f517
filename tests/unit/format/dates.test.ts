import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { formatDate, formatDateTime } from '@/lib/format/dates';

describe('date formatting', () => {
  it('formats as toLocaleString did, in the viewer time zone', () => {
    const iso = '2025-09-05T22:20:00.000Z';
    const date = new Date(iso);
    expect(formatDate(iso)).toBe(date.toLocaleDateString('en-GB', { dateStyle: 'medium' }));
    expect(formatDateTime(iso)).toBe(date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }));
  });

  it('gives an empty string for an unreadable date', () => {
    expect(formatDate('not a date')).toBe('');
    expect(formatDateTime('')).toBe('');
  });

  it('builds each formatter once, not once per call', async () => {
    vi.resetModules();
    const Real = Intl.DateTimeFormat;
    let built = 0;
    class Counting extends Real {
      constructor(...args: ConstructorParameters<typeof Real>) {
        super(...args);
        built += 1;
      }
    }
    Intl.DateTimeFormat = Counting as typeof Intl.DateTimeFormat;
    onTestFinished(() => {
      Intl.DateTimeFormat = Real;
    });
    const { formatDate, formatDateTime } = await import('@/lib/format/dates');
    for (let day = 1; day <= 20; day += 1) {
      formatDate(`2025-01-${String(day).padStart(2, '0')}T10:00:00Z`);
      formatDateTime(`2025-01-${String(day).padStart(2, '0')}T10:00:00Z`);
    }
    expect(built).toBe(2);
    expect(formatDate('2025-09-05T12:00:00Z')).toBe(new Date('2025-09-05T12:00:00Z').toLocaleDateString('en-GB', { dateStyle: 'medium' }));
  });
});
