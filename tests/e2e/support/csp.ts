// Content-Security-Policy violations, collected two ways (issue #16, finding 6):
//  - in Chromium, a `securitypolicyviolation` listener installed before any page script
//    (addInitScript), reporting through a binding, plus Chromium's own "Refused to …" console errors;
//  - in any engine, the `[csp] violation` lines the console logs from its report-uri
//    (app/api/csp-report): what WebKitGTK, which cannot run init scripts over WebDriver, is checked by.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, type BrowserContext } from '@playwright/test';
import { E2E } from './servers';

export interface SeenViolation {
  directive: string;
  blocked: string;
  document: string;
  sample?: string;
}

/** Collects every violation in every page of the context from now on (listener and console). */
export async function watchViolations(context: BrowserContext): Promise<SeenViolation[]> {
  const seen: SeenViolation[] = [];
  await context.exposeBinding('__spynnersCspViolation', (_source, violation: SeenViolation) => {
    seen.push(violation);
  });
  await context.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (event) => {
        const report = (window as unknown as { __spynnersCspViolation: (v: unknown) => void }).__spynnersCspViolation;
        report({ directive: event.effectiveDirective, blocked: event.blockedURI, document: location.pathname, sample: event.sample });
      },
      true,
    );
  });
  context.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      seen.push({ directive: 'console', blocked: message.text().slice(0, 300), document: message.page()?.url() ?? '?' });
    }
  });
  return seen;
}

/** The log of the console on E2E.consolePort (playwright.config.ts tees it there). */
const CONSOLE_LOG = path.join(E2E.dataDir, 'console.log');

/** Where the console's log ends now: read the lines written after it with cspLogLinesSince. */
export function consoleLogMark(): number {
  try {
    return statSync(CONSOLE_LOG).size;
  } catch {
    return 0;
  }
}

/** The `[csp] …` lines the console logged since the mark. */
export function cspLogLinesSince(mark: number): string[] {
  const size = consoleLogMark();
  if (size <= mark) return [];
  const fd = openSync(CONSOLE_LOG, 'r');
  try {
    const buffer = Buffer.alloc(size - mark);
    readSync(fd, buffer, 0, buffer.length, mark);
    return buffer.toString('utf8').split('\n').filter((line) => line.includes('[csp] '));
  } finally {
    closeSync(fd);
  }
}

/**
 * No violation reached the console's log since the mark. Reports are sent asynchronously: wait a
 * moment first, then look (a deliberate violation shows up well within that time, see csp.spec.ts).
 */
export async function expectNoReportedViolations(mark: number, settleMs = 1500): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  expect(cspLogLinesSince(mark)).toEqual([]);
}

/** The nonce a policy grants scripts. */
export function policyNonce(policy: string | undefined): string | null {
  return /'nonce-([^']+)'/.exec(policy ?? '')?.[1] ?? null;
}

/** Every <script> of the served HTML carries the nonce its policy grants (and there are some). */
export function expectScriptsCarry(html: string, nonce: string | null): void {
  expect(nonce).toBeTruthy();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((tag) => !tag.includes(` nonce="${nonce}"`))).toEqual([]);
}
