import { describe, expect, it } from 'vitest';
import { formatClockTime, formatDate, formatDateTime, formatWeekdayDate } from '@/lib/format/dates';

describe('date formatting', () => {
  it('prints what en-GB medium style prints, in the viewer time zone, for every month and hour', () => {
    for (let month = 0; month < 12; month += 1) {
      for (const [dayOfMonth, hours, minutes] of [[1, 0, 5], [15, 9, 30], [28, 23, 59]] as const) {
        const date = new Date(2025, month, dayOfMonth, hours, minutes);
        const iso = date.toISOString();
        expect(formatDate(iso)).toBe(date.toLocaleDateString('en-GB', { dateStyle: 'medium' }));
        expect(formatDateTime(iso)).toBe(date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }));
        expect(formatWeekdayDate(iso)).toBe(date.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }));
        expect(formatWeekdayDate(date.getTime())).toBe(formatWeekdayDate(iso));
        expect(formatClockTime(iso)).toBe(date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' }));
      }
    }
  });

  it('examples', () => {
    const date = new Date(2025, 8, 5, 22, 20);
    expect(formatDate(date.toISOString())).toBe('5 Sept 2025');
    expect(formatDateTime(date.toISOString())).toBe('5 Sept 2025, 22:20');
    expect(formatWeekdayDate(date.toISOString())).toBe('Fri, 5 Sept 2025');
    expect(formatClockTime(date.getTime())).toBe('22:20');
  });

  it('gives an empty string for an unreadable date', () => {
    expect(formatDate('not a date')).toBe('');
    expect(formatDateTime('')).toBe('');
    expect(formatWeekdayDate('soon')).toBe('');
    expect(formatClockTime(Number.NaN)).toBe('');
  });

  it('prints a date without a time as that day in every time zone', () => {
    const zone = process.env.TZ;
    try {
      for (const tz of ['America/Los_Angeles', 'UTC', 'Pacific/Kiritimati']) {
        process.env.TZ = tz; // Node applies a changed TZ to the next Date operations
        expect(formatDate('2025-09-05'), tz).toBe('5 Sept 2025');
        expect(formatDate('2024-12-31'), tz).toBe('31 Dec 2024');
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    expect(formatDate('2025-13-01')).toBe('');
  });
});
