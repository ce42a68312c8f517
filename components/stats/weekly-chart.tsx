import type { WeeklyPlays } from '@/lib/domain/stats';
import styles from './stats.module.css';

const WIDTH = 640;
const HEIGHT = 180;
const PAD = { top: 12, right: 8, bottom: 26, left: 30 };

const shortDate = (isoDay: string) =>
  new Date(`${isoDay}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/**
 * Plays per week as bars, drawn by hand in SVG (no chart library: one small, static picture).
 * The picture is described for screen readers; each bar carries its week and count as a tooltip.
 */
export function WeeklyChart({ weeks, label }: { weeks: WeeklyPlays[]; label: string }) {
  if (weeks.length === 0) return <p className="muted">No plays recorded yet: the chart starts with the first DJ set that plays it.</p>;
  const max = Math.max(1, ...weeks.map((w) => w.plays));
  const total = weeks.reduce((sum, w) => sum + w.plays, 0);
  const busiest = weeks.reduce((best, w) => (w.plays > best.plays ? w : best), weeks[0]!);
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const slot = innerW / weeks.length;
  const barW = Math.max(2, Math.min(40, slot * 0.7));
  const y = (plays: number) => PAD.top + innerH - (plays / max) * innerH;
  // A label every few weeks so they never overlap (about 8 across the width).
  const every = Math.max(1, Math.ceil(weeks.length / 8));
  const description = `${label}: ${total} play${total === 1 ? '' : 's'} over ${weeks.length} week${weeks.length === 1 ? '' : 's'}, from the week of ${shortDate(weeks[0]!.weekStart)} to the week of ${shortDate(weeks.at(-1)!.weekStart)}; busiest the week of ${shortDate(busiest.weekStart)} with ${busiest.plays}.`;
  return (
    <figure className={styles.chart}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={description} data-testid="weekly-chart">
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} className={styles.axis} />
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(max)} y2={y(max)} className={styles.grid} />
        <text x={PAD.left - 6} y={y(max) + 4} textAnchor="end" className={styles.tick}>{max}</text>
        <text x={PAD.left - 6} y={y(0) + 4} textAnchor="end" className={styles.tick}>0</text>
        {weeks.map((week, i) => {
          const x = PAD.left + i * slot + (slot - barW) / 2;
          return (
            <g key={week.weekStart}>
              <rect x={x} y={y(week.plays)} width={barW} height={Math.max(0, y(0) - y(week.plays))} rx={2} className={styles.bar} data-plays={week.plays}>
                <title>{`Week of ${shortDate(week.weekStart)}: ${week.plays} play${week.plays === 1 ? '' : 's'}`}</title>
              </rect>
              {i % every === 0 && (
                <text x={x + barW / 2} y={HEIGHT - 8} textAnchor="middle" className={styles.tick}>{shortDate(week.weekStart)}</text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="muted">{label} (weeks start on Monday, UTC)</figcaption>
    </figure>
  );
}
