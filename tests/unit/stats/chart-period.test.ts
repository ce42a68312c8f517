import { describe, expect, it } from 'vitest';
import type { WeeklyPlays } from '@/lib/domain/stats';
import { availablePeriods, axisLabels, defaultPeriod, periodKey, totalPlays, weeksInPeriod, yearOfWeek } from '@/lib/stats/chart-period';

/** The server's history: every week from the first play's to the last play's, zero-filled. */
function history(from: string, plays: Record<string, number>, to: string): WeeklyPlays[] {
  const weeks: WeeklyPlays[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 7 * 86_400_000) {
    const weekStart = new Date(t).toISOString().slice(0, 10);
    weeks.push({ weekStart, plays: plays[weekStart] ?? 0 });
  }
  return weeks;
}

// 42 plays: 41 in the autumn of 2024, one in September 2025 (the shape testers saw in issue #18).
const WEEKLY = history('2024-09-02', { '2024-09-02': 20, '2024-10-14': 21, '2025-09-01': 1 }, '2025-09-01');
const NOW = Date.parse('2025-12-10T12:00:00Z'); // a Wednesday; its week starts on 8 December 2025

describe('weeksInPeriod', () => {
  it('all time: every week of the history up to the current week, and the headline is the total', () => {
    const weeks = weeksInPeriod(WEEKLY, { kind: 'all' }, NOW);
    expect(weeks[0]).toEqual({ weekStart: '2024-09-02', plays: 20 });
    expect(weeks.at(-1)).toEqual({ weekStart: '2025-12-08', plays: 0 });
    expect(totalPlays(weeks)).toBe(42);
  });

  it('last 52 weeks: 52 bars ending this week, counting only the plays they show', () => {
    const weeks = weeksInPeriod(WEEKLY, { kind: 'recent', weeks: 52 }, NOW);
    expect(weeks).toHaveLength(52);
    expect(weeks[0]!.weekStart).toBe('2024-12-16');
    expect(weeks.at(-1)!.weekStart).toBe('2025-12-08');
    expect(totalPlays(weeks)).toBe(1);
  });

  it('last 12 weeks with no play in them: 12 empty weeks and a headline of 0', () => {
    const weeks = weeksInPeriod(WEEKLY, { kind: 'recent', weeks: 12 }, NOW);
    expect(weeks).toHaveLength(12);
    expect(totalPlays(weeks)).toBe(0);
  });

  it('a year: its ISO weeks (a week counts in the year of its Thursday), the current one stopping this week', () => {
    const year2024 = weeksInPeriod(WEEKLY, { kind: 'year', year: 2024 }, NOW);
    expect(year2024[0]!.weekStart).toBe('2024-01-01');
    expect(year2024.at(-1)!.weekStart).toBe('2024-12-23');
    expect(year2024).toHaveLength(52);
    expect(totalPlays(year2024)).toBe(41);
    const year2025 = weeksInPeriod(WEEKLY, { kind: 'year', year: 2025 }, NOW);
    expect(year2025[0]!.weekStart).toBe('2024-12-30');
    expect(year2025.at(-1)!.weekStart).toBe('2025-12-08');
    expect(totalPlays(year2025)).toBe(1);
  });

  it('never loses a play whose week is ahead of the clock', () => {
    const weeks = weeksInPeriod(WEEKLY, { kind: 'recent', weeks: 12 }, Date.parse('2025-08-01T00:00:00Z'));
    expect(weeks.at(-1)).toEqual({ weekStart: '2025-09-01', plays: 1 });
  });

  it('no history: all time is empty, a recent period is empty weeks', () => {
    expect(weeksInPeriod([], { kind: 'all' }, NOW)).toEqual([]);
    expect(totalPlays(weeksInPeriod([], { kind: 'recent', weeks: 12 }, NOW))).toBe(0);
  });
});

describe('periods', () => {
  it('offers the recent windows, all time and each year with a play, newest first', () => {
    expect(availablePeriods(WEEKLY).map(periodKey)).toEqual(['recent-12', 'recent-52', 'all', 'year-2025', 'year-2024']);
  });

  it('opens on the last 52 weeks when they hold a play, else on all time', () => {
    expect(defaultPeriod(WEEKLY, NOW)).toEqual({ kind: 'recent', weeks: 52 });
    expect(defaultPeriod(WEEKLY, Date.parse('2027-01-01T00:00:00Z'))).toEqual({ kind: 'all' });
  });

  it('puts the week of 29 December 2025 in 2026 (its Thursday is 1 January)', () => {
    expect(yearOfWeek(Date.parse('2025-12-29T00:00:00Z'))).toBe(2026);
    expect(yearOfWeek(Date.parse('2025-12-22T00:00:00Z'))).toBe(2025);
  });
});

describe('axisLabels', () => {
  it('names the year on the first label and wherever it changes', () => {
    const weeks = weeksInPeriod(WEEKLY, { kind: 'recent', weeks: 52 }, NOW);
    expect(axisLabels(weeks, [0, 1, 3, 51])).toEqual(['16 Dec 2024', '23 Dec', '6 Jan 2025', '8 Dec']);
  });
});
