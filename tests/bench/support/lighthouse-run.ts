// One Lighthouse 12 navigation (default mobile preset: simulated 4x CPU slowdown and slow 4G,
// performance category only) in a fresh tab of a puppeteer browser; what it measured, and what the
// tab showed once it was done, so a run that landed on the sign-in page or an error is not counted.
import type { Config } from 'lighthouse';
import type { Browser } from 'puppeteer-core';
import { openTab } from './lighthouse-browser';

/** A cold start: everything of the origin cleared but its cookies (the session). */
const COLD_STORAGE_TYPES = ['file_systems', 'shader_cache', 'service_workers', 'cache_storage', 'indexeddb', 'local_storage'] as const;

export interface LighthouseMetrics {
  /** 0-100. */
  score: number;
  tbtMs: number;
  lcpMs: number;
  cls: number;
  fcpMs: number;
  /** All main-thread work Lighthouse saw (its "Minimize main-thread work"), for the curious. */
  mainThreadMs: number;
}

export interface LighthouseOutcome {
  metrics: LighthouseMetrics | null;
  /** Why there are no metrics, or why the page was not the screen asked for. */
  problem: string | null;
  warnings: string[];
  /** Lighthouse's measure of this machine's CPU speed: simulated throttling scales what it saw. */
  benchmarkIndex: number | null;
}

export interface RunOptions {
  /** Keep the origin's storage, service worker and HTTP cache (a second visit). */
  warm: boolean;
  /** A selector the screen shows once it is ready (its data-app-ready marker). */
  ready: string;
}

function configFor(warm: boolean): Config {
  return {
    extends: 'lighthouse:default',
    settings: {
      onlyCategories: ['performance'],
      disableStorageReset: warm,
      clearStorageTypes: [...COLD_STORAGE_TYPES],
    },
  };
}

/**
 * Loaded with a real dynamic import: a static import becomes a require() that tsx transpiles with
 * esbuild's keepNames, and the page functions Lighthouse stringifies into the page then call a
 * `__name` helper the page does not have.
 */
const loadLighthouse = () => import('lighthouse').then((module) => module.default);

/** Never throws: a run that failed is an outcome without metrics, so one flake costs one run. */
export async function runLighthouse(browser: Browser, url: string, options: RunOptions): Promise<LighthouseOutcome> {
  try {
    return await measure(browser, url, options);
  } catch (error) {
    return { metrics: null, problem: `failed: ${error instanceof Error ? error.message : String(error)}`, warnings: [], benchmarkIndex: null };
  }
}

async function measure(browser: Browser, url: string, options: RunOptions): Promise<LighthouseOutcome> {
  const page = await openTab(browser);
  try {
    const lighthouse = await loadLighthouse();
    const result = await lighthouse(url, { logLevel: 'error' }, configFor(options.warm), page);
    if (!result) return { metrics: null, problem: 'Lighthouse returned no result', warnings: [], benchmarkIndex: null };
    const { lhr } = result;
    const warnings = lhr.runWarnings.map(String);
    const benchmarkIndex = lhr.environment.benchmarkIndex;
    const outcome = (metrics: LighthouseMetrics | null, problem: string | null) => ({ metrics, problem, warnings, benchmarkIndex });
    if (lhr.runtimeError) return outcome(null, `${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    const numeric = (id: string) => {
      const value = lhr.audits[id]?.numericValue;
      if (typeof value !== 'number') throw new Error(`${url}: Lighthouse has no ${id}`);
      return value;
    };
    const score = lhr.categories.performance?.score;
    if (typeof score !== 'number') return outcome(null, 'no performance score');
    const metrics: LighthouseMetrics = {
      score: Math.round(score * 100),
      tbtMs: numeric('total-blocking-time'),
      lcpMs: numeric('largest-contentful-paint'),
      cls: numeric('cumulative-layout-shift'),
      fcpMs: numeric('first-contentful-paint'),
      mainThreadMs: numeric('mainthread-work-breakdown'),
    };
    const expected = new URL(url).pathname;
    const landed = new URL(page.url()).pathname;
    if (landed !== expected) return outcome(metrics, `landed on ${landed}`);
    const ready = await page.waitForSelector(options.ready, { timeout: 15_000 }).then(() => true, () => false);
    const error = await page.$('.alert-error');
    if (error) return outcome(metrics, 'the screen shows an error');
    return outcome(metrics, ready ? null : `never showed ${options.ready}`);
  } finally {
    await page.close();
  }
}
