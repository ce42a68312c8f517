// Style and layout the page's own scripts forced in the middle of a task (a read of a size or
// position, a focus(), a scroll write after DOM changes), from a Chromium performance trace. Such a
// read makes the browser do that work at once, inside the script's task: with a screen's first rows
// just inserted, that was the longest task of the library's and the VIP screen's start-up.

interface TraceFrame { url: string; functionName: string; lineNumber: number; columnNumber: number }
interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  args?: { elementCount?: number; beginData?: { stackTrace?: TraceFrame[]; dirtyObjects?: number } };
}

export interface ForcedLayout {
  kind: 'style' | 'layout';
  durationMs: number;
  /** Elements restyled, or layout objects that were dirty. */
  elements: number | null;
  /** Where the script asked for it (innermost first), as url:line:column function. */
  stack: string[];
}

/** Categories that record forced style / layout with the script stack that forced them. */
export const FORCED_LAYOUT_TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.stack'];

/** Forced style recalculations and layouts whose stack runs through a script of `origin`. */
export function forcedLayouts(trace: { traceEvents: TraceEvent[] } | TraceEvent[], origin: string): ForcedLayout[] {
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  return events
    .filter((event) => (event.name === 'UpdateLayoutTree' || event.name === 'Layout') && event.ph === 'X')
    .filter((event) => event.args?.beginData?.stackTrace?.some((frame) => frame.url.startsWith(origin)))
    .map((event) => ({
      kind: event.name === 'Layout' ? ('layout' as const) : ('style' as const),
      durationMs: (event.dur ?? 0) / 1000,
      elements: event.args?.elementCount ?? event.args?.beginData?.dirtyObjects ?? null,
      stack: (event.args?.beginData?.stackTrace ?? []).map((f) => `${f.url.replace(origin, '')}:${f.lineNumber}:${f.columnNumber} ${f.functionName || '(anonymous)'}`),
    }));
}
