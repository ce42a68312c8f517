// The period the plays-per-week chart shows, chosen by the producer, and the weeks in it. Pure:
// the server sends every week of the history (lib/stats/aggregate.ts), the chart picks its window
// here, and its headline adds up exactly the bars it draws.
import type { WeeklyPlays } from '@/lib/domain/stats';
import { weekStartOf } from './aggregate';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

export const RECENT_WEEKS = [12, 52] as const;

export type ChartPeriod =
  | { kind: 'recent'; weeks: (typeof RECENT_WEEKS)[number] }
  | { kind: 'all' }
  /** The weeks of a calendar year: a week belongs to the year of its Thursday (ISO 8601). */
  | { kind: 'year'; year: number };

const mondayOf = (week: WeeklyPlays) => Date.parse(`${week.weekStart}T00:00:00Z`);
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

/** The year a week (given by its Monday) counts in: the year holding its Thursday, as ISO weeks do. */
export function yearOfWeek(monday: number): number {
  return new Date(monday + 3 * DAY_MS).getUTCFullYear();
}

/** A stable string for a period (a `<select>` value). */
export function periodKey(period: ChartPeriod): string {
  if (period.kind === 'recent') return `recent-${period.weeks}`;
  return period.kind === 'year' ? `year-${period.year}` : 'all';
}

export function periodLabel(period: ChartPeriod): string {
  if (period.kind === 'recent') return `Last ${period.weeks} weeks`;
  return period.kind === 'year' ? String(period.year) : 'All time';
}

/** Last 12 and 52 weeks, all time, then each year with a play, newest first. */
export function availablePeriods(weekly: readonly WeeklyPlays[]): ChartPeriod[] {
  const years = new Set(weekly.filter((week) => week.plays > 0).map((week) => yearOfWeek(mondayOf(week))));
  return [
    ...RECENT_WEEKS.map((weeks): ChartPeriod => ({ kind: 'recent', weeks })),
    { kind: 'all' },
    ...[...years].sort((a, b) => b - a).map((year): ChartPeriod => ({ kind: 'year', year })),
  ];
}

const countIn = (weeks: readonly WeeklyPlays[]) => weeks.reduce((sum, week) => sum + week.plays, 0);

/** The last 52 weeks when they hold a play (what is happening now), else all time. */
export function defaultPeriod(weekly: readonly WeeklyPlays[], now: number): ChartPeriod {
  const lastYear: ChartPeriod = { kind: 'recent', weeks: 52 };
  return countIn(weeksInPeriod(weekly, lastYear, now)) > 0 ? lastYear : { kind: 'all' };
}

/**
 * Every week of `period`, oldest first, weeks without a play as 0: the bars the chart draws.
 * Recent periods end with the current week (`now`), or with the last play's when the clock is
 * behind it; all time runs from the first play's week to then; a year stops at the current week.
 */
export function weeksInPeriod(weekly: readonly WeeklyPlays[], period: ChartPeriod, now: number): WeeklyPlays[] {
  const counts = new Map(weekly.map((week) => [mondayOf(week), week.plays]));
  const lastPlayWeek = weekly.length > 0 ? mondayOf(weekly.at(-1)!) : -Infinity;
  const end = Math.max(weekStartOf(now), lastPlayWeek);
  let from: number;
  let to = end;
  if (period.kind === 'recent') {
    from = end - (period.weeks - 1) * WEEK_MS;
  } else if (period.kind === 'all') {
    if (weekly.length === 0) return [];
    from = mondayOf(weekly[0]!);
  } else {
    // The Monday of ISO week 1 is the one of the week holding 4 January.
    from = weekStartOf(Date.UTC(period.year, 0, 4));
    to = Math.min(end, weekStartOf(Date.UTC(period.year + 1, 0, 4)) - WEEK_MS);
  }
  const weeks: WeeklyPlays[] = [];
  for (let monday = from; monday <= to; monday += WEEK_MS) weeks.push({ weekStart: isoDay(monday), plays: counts.get(monday) ?? 0 });
  return weeks;
}

/** Plays in the weeks shown: the chart's headline, never a number the bars do not add up to. */
export const totalPlays = countIn;

const dayMonth = (monday: number) => new Date(monday).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** "6 Oct 2025": a week by its Monday, with the year. */
export function weekLabel(weekStart: string): string {
  return `${dayMonth(Date.parse(`${weekStart}T00:00:00Z`))} ${weekStart.slice(0, 4)}`;
}

/**
 * Axis labels for the weeks at `indexes` (a few, evenly spaced): the day and month, with the year
 * on the first label and on every label whose year differs from the previous one, so a chart
 * spanning years says which year each part belongs to.
 */
export function axisLabels(weeks: readonly WeeklyPlays[], indexes: readonly number[]): string[] {
  let previousYear: string | null = null;
  return indexes.map((index) => {
    const weekStart = weeks[index]!.weekStart;
    const year = weekStart.slice(0, 4);
    const label = year === previousYear ? dayMonth(Date.parse(`${weekStart}T00:00:00Z`)) : weekLabel(weekStart);
    previousYear = year;
    return label;
  });
}
