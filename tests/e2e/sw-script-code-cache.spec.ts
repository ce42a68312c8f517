import { expect, test } from '@playwright/test';
import { E2E } from './support/servers';
import { signInThroughApi } from './support/auth';
import { controlledPage } from './support/offline';

// A second visit must not be slower to start than the first (issue #17). Chrome keeps a full code
// cache (every function compiled) beside each script a service worker caches while installing; a page
// answered with that cached Response deserialised all of it on the main thread before running it
// (58-90 ms for React DOM in a traced warm /library, most of its Total Blocking Time). The worker
// answers page scripts with a Response it builds (lib/sw/page-script.ts), which carries no code
// cache. Chromium only (a .spec.ts file), whose traces say which cache a compile consumed.
const COMPILE_TRACE_CATEGORIES = ['devtools.timeline', 'v8', 'disabled-by-default-v8.compile'];

interface TraceEvent {
  name: string;
  args?: { data?: { url?: string; consumedCacheSize?: number; cacheKind?: string } };
}

test('a page started by the service worker compiles its scripts without the install-time code cache', async ({ browser, page }) => {
  await signInThroughApi(page.request, E2E.demoDj, E2E.demoPassword);
  await controlledPage(page, '/library');
  await expect(page.getByTestId('track-row').first()).toBeVisible();

  await browser.startTracing(page, { categories: COMPILE_TRACE_CATEGORIES });
  await page.reload();
  await expect(page.getByTestId('track-row').first()).toBeVisible({ timeout: 20_000 });
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };

  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  const compiles = trace.traceEvents.filter((event) => event.name === 'v8.compile' && event.args?.data?.url?.includes('/_next/static/'));
  expect(compiles.length).toBeGreaterThan(3);
  const fromCodeCache = compiles
    .filter((event) => (event.args?.data?.consumedCacheSize ?? 0) > 0)
    .map((event) => `${event.args?.data?.url} (${event.args?.data?.consumedCacheSize} bytes of ${event.args?.data?.cacheKind} code cache)`);
  expect(fromCodeCache).toEqual([]);
});
