// What the start-up benchmark prints: one Markdown table row per screen (medians of its good runs,
// the score's spread, its TBT beside the empty app's) and whether the issue #17 goals are met.
import type { LighthouseMetrics, LighthouseOutcome } from './lighthouse-run';
import type { LongTask } from './startup-probe';
import type { TabStart } from './tab-start';
import { median } from './stats';

export const GOALS = { score: 95, tbtMs: 200, lcpMs: 2500, cls: 0.05, longTaskMs: 200 } as const;

export interface ScreenRuns {
  name: string;
  outcomes: LighthouseOutcome[];
}

const good = (runs: ScreenRuns) => runs.outcomes.flatMap((o) => (o.metrics && !o.problem ? [o.metrics] : []));
const medianOf = (metrics: LighthouseMetrics[], key: keyof LighthouseMetrics) => median(metrics.map((m) => m[key]));
const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`);

function goalMisses(metrics: LighthouseMetrics[]): string[] {
  const score = medianOf(metrics, 'score');
  const tbt = medianOf(metrics, 'tbtMs');
  const lcp = medianOf(metrics, 'lcpMs');
  const cls = medianOf(metrics, 'cls');
  return [
    score < GOALS.score ? `score ${score} < ${GOALS.score}` : '',
    tbt > GOALS.tbtMs ? `TBT > ${GOALS.tbtMs} ms` : '',
    lcp > GOALS.lcpMs ? `LCP > ${ms(GOALS.lcpMs)}` : '',
    cls > GOALS.cls ? `CLS > ${GOALS.cls}` : '',
  ].filter(Boolean);
}

function tbtRatio(tbt: number, emptyTbt: number): string {
  if (emptyTbt < 1) return `n/a (empty ${Math.round(emptyTbt)} ms)`;
  return `${(tbt / emptyTbt).toFixed(1)}x`;
}

/** The table, then every run that did not count and why. */
export function lighthouseTable(rows: ScreenRuns[], empty: ScreenRuns): string[] {
  const emptyGood = good(empty);
  const emptyTbt = emptyGood.length ? medianOf(emptyGood, 'tbtMs') : Number.NaN;
  const emptyWork = emptyGood.length ? medianOf(emptyGood, 'mainThreadMs') : Number.NaN;
  const lines = [
    '| screen | good runs | score median (min–max) | TBT | LCP | CLS | FCP | main-thread work (x empty) | TBT / empty | goals |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const row of [empty, ...rows]) {
    const metrics = good(row);
    if (metrics.length === 0) {
      lines.push(`| ${row.name} | 0/${row.outcomes.length} | – | – | – | – | – | – | – | no good run |`);
      continue;
    }
    const scores = metrics.map((m) => m.score);
    const tbt = medianOf(metrics, 'tbtMs');
    const work = medianOf(metrics, 'mainThreadMs');
    const isEmpty = row === empty;
    const misses = goalMisses(metrics);
    lines.push(
      `| ${row.name} | ${metrics.length}/${row.outcomes.length} | ${median(scores)} (${Math.min(...scores)}–${Math.max(...scores)}) | ${ms(tbt)} | ` +
        `${ms(medianOf(metrics, 'lcpMs'))} | ${medianOf(metrics, 'cls').toFixed(3)} | ${ms(medianOf(metrics, 'fcpMs'))} | ` +
        `${ms(work)}${isEmpty ? '' : ` (${(work / emptyWork).toFixed(1)}x)`} | ${isEmpty ? '–' : tbtRatio(tbt, emptyTbt)} | ` +
        `${misses.length ? `NOT met: ${misses.join(', ')}` : 'met'} |`,
    );
  }
  for (const row of [empty, ...rows]) {
    row.outcomes.forEach((outcome, i) => {
      if (outcome.problem) lines.push(`- ${row.name}, run ${i + 1} not counted: ${outcome.problem}`);
    });
  }
  return lines;
}

/** Lighthouse's CPU benchmark of this machine over all runs, and each distinct run warning once. */
export function environmentLines(runs: ScreenRuns[]): string[] {
  const outcomes = runs.flatMap((r) => r.outcomes);
  const indexes = outcomes.flatMap((o) => (o.benchmarkIndex === null ? [] : [o.benchmarkIndex]));
  const warnings = new Map<string, number>();
  for (const warning of outcomes.flatMap((o) => o.warnings)) warnings.set(warning, (warnings.get(warning) ?? 0) + 1);
  return [
    indexes.length
      ? `Lighthouse benchmark index of this machine: median ${Math.round(median(indexes))} (${Math.round(Math.min(...indexes))}–${Math.round(Math.max(...indexes))})`
      : 'Lighthouse benchmark index: none reported',
    ...[...warnings].map(([warning, count]) => `Lighthouse warning (${count} runs): ${warning}`),
  ];
}

export function longTaskLines(runs: LongTask[][], windowMs: number): string[] {
  const longest = (tasks: LongTask[]) => Math.max(0, ...tasks.map((t) => t.duration));
  const worst = Math.max(0, ...runs.map(longest));
  const perRun = runs.map((tasks) => `${tasks.length} (longest ${Math.round(longest(tasks))} ms)`).join(', ');
  const total = runs.map((tasks) => tasks.reduce((sum, t) => sum + t.duration, 0));
  return [
    `long tasks in the first ${windowMs / 1000} s, per run: ${perRun}`,
    `  median count ${median(runs.map((t) => t.length))}, median total ${Math.round(median(total))} ms, longest of all runs ${Math.round(worst)} ms ` +
      `(goal: none over ${GOALS.longTaskMs} ms): ${worst <= GOALS.longTaskMs ? 'goal met' : 'goal NOT met'}`,
  ];
}

/** Tap → audio while the screen starts, against the same tap once it is idle (interleaved pairs). */
export function tapLines(onSight: Array<number | null>, idle: Array<number | null>, tolerance: number): string[] {
  const answered = (samples: Array<number | null>) => samples.filter((s): s is number => s !== null);
  const list = (samples: Array<number | null>) => samples.map((s) => (s === null ? 'no audio' : `${Math.round(s)}`)).join(', ');
  const a = answered(onSight);
  const b = answered(idle);
  const lines = [
    `tap on sight (screen still starting): ${list(onSight)} ms`,
    `tap after idle:                       ${list(idle)} ms`,
  ];
  if (a.length === 0 || b.length === 0) return [...lines, 'tap → audio: not enough answered taps to compare: goal NOT met'];
  const ratio = median(a) / median(b);
  const unanswered = onSight.length - a.length;
  const met = unanswered === 0 && ratio <= tolerance;
  return [
    ...lines,
    `tap → playing, median: on sight ${Math.round(median(a))} ms, idle ${Math.round(median(b))} ms, ratio ${ratio.toFixed(2)}x` +
      `${unanswered ? `, ${unanswered} tap(s) on sight never started audio` : ''} (goal: within ${tolerance}x of idle): ${met ? 'goal met' : 'goal NOT met'}`,
  ];
}

export interface TabRuns {
  name: string;
  runs: TabStart[];
}

/** The cold starts in a plain tab (no tracing), beside the empty app's. */
export function tabStartTable(rows: TabRuns[], empty: TabRuns): string[] {
  const emptyBlocking = median(empty.runs.map((r) => r.blockingMs));
  const lines = [
    '| screen | blocking time (TBT rule) | longest task | long tasks | blocking / empty |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const row of [empty, ...rows]) {
    const blocking = median(row.runs.map((r) => r.blockingMs));
    const ratio = row === empty ? '–' : emptyBlocking < 1 ? `n/a (empty ${Math.round(emptyBlocking)} ms)` : `${(blocking / emptyBlocking).toFixed(1)}x`;
    lines.push(
      `| ${row.name} | ${ms(blocking)} | ${ms(median(row.runs.map((r) => r.longestMs)))} | ${median(row.runs.map((r) => r.longTasks))} | ${ratio} |`,
    );
  }
  return lines;
}
