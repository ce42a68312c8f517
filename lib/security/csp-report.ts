// CSP violation reports, as browsers POST them to the policy's report-uri (app/api/csp-report):
// `application/csp-report` ({ "csp-report": {...} }, report-uri: Chromium, WebKit, Firefox) or
// `application/reports+json` ([{ type: "csp-violation", body: {...} }], the Reporting API). Each
// becomes one short log line. Anyone can POST here, so a report is only ever a bounded line in a
// rate-limited log (createReportLog), never stored, never echoed.
import { z } from 'zod';

export const CSP_REPORT_MAX_BYTES = 16 * 1024;
const FIELD_MAX = 200;

const text = z.string().optional().catch(undefined);
const num = z.number().optional().catch(undefined);

const legacyReport = z.object({
  'csp-report': z.object({
    'document-uri': text,
    'violated-directive': text,
    'effective-directive': text,
    'blocked-uri': text,
    'source-file': text,
    'line-number': num,
    'column-number': num,
    'script-sample': text,
    disposition: text,
  }),
});

const reportingApiReport = z.array(
  z.object({
    type: z.string(),
    body: z
      .object({
        documentURL: text,
        effectiveDirective: text,
        blockedURL: text,
        sourceFile: text,
        lineNumber: num,
        columnNumber: num,
        sample: text,
        disposition: text,
      })
      .optional(),
  }),
);

export interface Violation {
  document: string;
  directive: string;
  blocked: string;
  source?: string;
  line?: number;
  column?: number;
  sample?: string;
}

/** The violations a report body describes; [] when it describes none we understand. */
export function violationsOf(body: unknown): Violation[] {
  const legacy = legacyReport.safeParse(body);
  if (legacy.success) {
    const r = legacy.data['csp-report'];
    return [
      violation(r['document-uri'], r['effective-directive'] ?? r['violated-directive'], r['blocked-uri'], r['source-file'], [r['line-number'], r['column-number']], r['script-sample']),
    ];
  }
  const batch = reportingApiReport.safeParse(body);
  if (!batch.success) return [];
  return batch.data
    .filter((entry) => entry.type === 'csp-violation' && entry.body)
    .slice(0, 10)
    .map(({ body: b }) => violation(b!.documentURL, b!.effectiveDirective, b!.blockedURL, b!.sourceFile, [b!.lineNumber, b!.columnNumber], b!.sample));
}

function violation(
  document: string | undefined,
  directive: string | undefined,
  blocked: string | undefined,
  source: string | undefined,
  [line, column]: [number | undefined, number | undefined],
  sample: string | undefined,
): Violation {
  return {
    document: withoutQuery(document),
    directive: clean(directive) || '?',
    blocked: withoutQuery(blocked),
    ...(source ? { source: withoutQuery(source) } : {}),
    ...(line !== undefined && Number.isFinite(line) ? { line: Math.trunc(line) } : {}),
    ...(column !== undefined && Number.isFinite(column) ? { column: Math.trunc(column) } : {}),
    ...(sample ? { sample: clean(sample) } : {}),
  };
}

/** URLs lose their query and fragment (they could carry anything); keywords (`inline`) stay. */
function withoutQuery(value: string | undefined): string {
  return clean(value?.replace(/[?#].*$/s, ''));
}

/** Printable ASCII only (anything else as \uXXXX), bounded: a report cannot forge or flood lines. */
function clean(value: string | undefined): string {
  if (!value) return '';
  const bounded = value.slice(0, FIELD_MAX);
  return bounded.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export interface ReportLog {
  /** Logs the violations while the minute's budget lasts; resolves to how many were logged. */
  write(violations: readonly Violation[]): number;
}

/**
 * At most `perMinute` lines a minute for the whole process (plus one line saying the rest of the
 * minute is dropped), whoever sends them: a flood of forged reports costs a few lines, not the disk.
 */
export function createReportLog({
  perMinute = 20,
  log = (line: string) => console.warn(line),
  now = Date.now,
}: { perMinute?: number; log?: (line: string) => void; now?: () => number } = {}): ReportLog {
  let windowStart = -Infinity;
  let used = 0;
  let announced = false;
  return {
    write(violations) {
      const t = now();
      if (t - windowStart >= 60_000) {
        windowStart = t;
        used = 0;
        announced = false;
      }
      let written = 0;
      for (const v of violations) {
        if (used >= perMinute) {
          if (!announced) log(`[csp] report limit reached (${perMinute} a minute): further reports this minute are dropped`);
          announced = true;
          break;
        }
        used += 1;
        written += 1;
        log(`[csp] violation ${JSON.stringify(v)}`);
      }
      return written;
    },
  };
}
