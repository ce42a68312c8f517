'use client';
import { useId, useState } from 'react';
import type { WeeklyPlays } from '@/lib/domain/stats';
import {
  availablePeriods, axisLabels, defaultPeriod, periodKey, periodLabel, totalPlays, weekLabel, weeksInPeriod, type ChartPeriod,
} from '@/lib/stats/chart-period';
import styles from './stats.module.css';

const WIDTH = 640;
const HEIGHT = 180;
const PAD = { top: 12, right: 8, bottom: 26, left: 30 };
/** About this many axis labels across the width, so they never overlap (a year makes them longer). */
const LABELS = 6;

const plural = (n: number) => `${n} play${n === 1 ? '' : 's'}`;

/**
 * Plays in DJ sets per week over a period the producer chooses, drawn by hand in SVG (no chart
 * library: one small, static picture). The headline adds up the bars shown, nothing else. The
 * picture is described for screen readers; each bar carries its week and count as a tooltip.
 */
export function WeeklyChart({ weeks: history, label }: { weeks: WeeklyPlays[]; label: string }) {
  const selectId = useId();
  const [period, setPeriod] = useState<ChartPeriod>(() => defaultPeriod(history, Date.now()));
  if (history.length === 0) return <p className="muted">No plays recorded yet: the chart starts with the first DJ set that plays it.</p>;
  const periods = availablePeriods(history);
  const weeks = weeksInPeriod(history, period, Date.now());
  const total = totalPlays(weeks);
  return (
    <figure className={styles.chart} data-testid="weekly-chart-figure">
      <div className={styles.chartHead}>
        <p className={styles.chartTotal} data-testid="chart-total">
          <strong>{total}</strong> {total === 1 ? 'play' : 'plays'} in DJ sets <span className="muted">· {periodLabel(period)}</span>
        </p>
        <label className={styles.chartPeriod} htmlFor={selectId}>
          <span>Period</span>
          <select
            id={selectId} className="select" value={periodKey(period)}
            onChange={(event) => setPeriod(periods.find((p) => periodKey(p) === event.target.value) ?? period)}
          >
            {periods.map((p) => <option key={periodKey(p)} value={periodKey(p)}>{periodLabel(p)}</option>)}
          </select>
        </label>
      </div>
      {weeks.length > 0 && <Bars weeks={weeks} description={describe(label, weeks, total)} />}
      <figcaption className="muted">{label} (weeks start on Monday, UTC; a week counts in the year of its Thursday)</figcaption>
    </figure>
  );
}

function describe(label: string, weeks: WeeklyPlays[], total: number): string {
  const busiest = weeks.reduce((best, w) => (w.plays > best.plays ? w : best), weeks[0]!);
  const range = `from the week of ${weekLabel(weeks[0]!.weekStart)} to the week of ${weekLabel(weeks.at(-1)!.weekStart)}`;
  const peak = total > 0 ? `; busiest the week of ${weekLabel(busiest.weekStart)} with ${busiest.plays}` : '';
  return `${label}: ${plural(total)} over ${weeks.length} week${weeks.length === 1 ? '' : 's'}, ${range}${peak}.`;
}

function Bars({ weeks, description }: { weeks: WeeklyPlays[]; description: string }) {
  const max = Math.max(1, ...weeks.map((w) => w.plays));
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const slot = innerW / weeks.length;
  const barW = Math.max(1, Math.min(40, slot * 0.7));
  const y = (plays: number) => PAD.top + innerH - (plays / max) * innerH;
  const every = Math.max(1, Math.ceil(weeks.length / LABELS));
  const labelled = weeks.map((_, i) => i).filter((i) => i % every === 0);
  const labels = new Map(axisLabels(weeks, labelled).map((text, n) => [labelled[n]!, text]));
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={description} data-testid="weekly-chart">
      <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} className={styles.axis} />
      <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(max)} y2={y(max)} className={styles.grid} />
      <text x={PAD.left - 6} y={y(max) + 4} textAnchor="end" className={styles.tick}>{max}</text>
      <text x={PAD.left - 6} y={y(0) + 4} textAnchor="end" className={styles.tick}>0</text>
      {weeks.map((week, i) => {
        const x = PAD.left + i * slot + (slot - barW) / 2;
        const text = labels.get(i);
        return (
          <g key={week.weekStart}>
            <rect x={x} y={y(week.plays)} width={barW} height={Math.max(0, y(0) - y(week.plays))} rx={barW > 4 ? 2 : 0} className={styles.bar} data-plays={week.plays} data-week={week.weekStart}>
              <title>{`Week of ${weekLabel(week.weekStart)}: ${plural(week.plays)}`}</title>
            </rect>
            {text && (
              <text x={Math.min(Math.max(x + barW / 2, PAD.left + 32), WIDTH - PAD.right - 32)} y={HEIGHT - 8} textAnchor="middle" className={styles.tick} data-testid="chart-axis-label">{text}</text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
