import { describe, expect, it } from 'vitest';
import { createReportLog, violationsOf } from '@/lib/security/csp-report';

const legacy = (fields: Record<string, unknown>) => ({ 'csp-report': fields });

describe('violationsOf', () => {
  it('reads a report-uri report (Chromium / WebKit shape)', () => {
    expect(
      violationsOf(
        legacy({
          'document-uri': 'https://console.example/library?genre=house#x',
          'violated-directive': 'script-src-elem',
          'effective-directive': 'script-src-elem',
          'blocked-uri': 'inline',
          'source-file': 'https://console.example/library',
          'line-number': 12,
          'column-number': 7,
          'script-sample': 'alert(1)',
        }),
      ),
    ).toEqual([
      { document: 'https://console.example/library', directive: 'script-src-elem', blocked: 'inline', source: 'https://console.example/library', line: 12, column: 7, sample: 'alert(1)' },
    ]);
  });

  it('reads a Reporting API batch, csp-violation entries only, at most 10', () => {
    const entry = { type: 'csp-violation', body: { documentURL: 'https://c.example/vip', effectiveDirective: 'media-src', blockedURL: 'https://evil.example/a.mp3?t=secret' } };
    const batch = [...Array.from({ length: 12 }, () => entry), { type: 'deprecation', body: {} }];
    const violations = violationsOf(batch);
    expect(violations).toHaveLength(10);
    expect(violations[0]).toEqual({ document: 'https://c.example/vip', directive: 'media-src', blocked: 'https://evil.example/a.mp3' });
  });

  it('ignores what is not a report, and wrong field types', () => {
    expect(violationsOf({ hello: 'world' })).toEqual([]);
    expect(violationsOf('text')).toEqual([]);
    expect(violationsOf(null)).toEqual([]);
    expect(violationsOf(legacy({ 'line-number': 'x', 'blocked-uri': 42 }))).toEqual([{ document: '', directive: '?', blocked: '' }]);
  });

  it('keeps log lines printable and short: control, bidi and non-ASCII characters escaped, fields cut', () => {
    const [v] = violationsOf(legacy({ 'violated-directive': 'script-src\n[csp] forged line\u202E', 'script-sample': 'x'.repeat(5000) }));
    expect(v!.directive).toBe('script-src\\u000a[csp] forged line\\u202e');
    expect(v!.sample).toHaveLength(200);
  });
});

describe('createReportLog', () => {
  it('logs one line per violation up to the budget, says once that the rest is dropped, and refills after a minute', () => {
    const lines: string[] = [];
    let t = 0;
    const log = createReportLog({ perMinute: 3, log: (line) => lines.push(line), now: () => t });
    const v = { document: '/library', directive: 'script-src', blocked: 'inline' };
    expect(log.write([v, v])).toBe(2);
    expect(log.write([v, v])).toBe(1);
    expect(log.write([v])).toBe(0);
    expect(lines.filter((l) => l.startsWith('[csp] violation '))).toHaveLength(3);
    expect(lines.filter((l) => l.startsWith('[csp] report limit reached'))).toHaveLength(1);
    expect(JSON.parse(lines[0]!.slice('[csp] violation '.length))).toEqual(v);
    t = 60_000;
    expect(log.write([v])).toBe(1);
    expect(lines).toHaveLength(5);
  });
});
