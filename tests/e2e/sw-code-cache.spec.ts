import { expect, test } from '@playwright/test';
import { E2E } from './support/servers';
import { signInThroughApi } from './support/auth';
import { controlledPage } from './support/offline';

// A second visit starts from the code cache Chrome keeps beside every script the service worker
// precached (issue #17). Answering scripts with a Response built in the worker drops that cache:
// Lighthouse's warm TBT then falls (its trace makes deserialising a cache slow), but in a plain tab
// with 4x CPU throttling the warm /library's longest task went from ~115 ms to ~340 ms and its long
// tasks from ~0.4 s to ~0.9 s in all (the bootstrap compiles every function it runs). So the worker
// answers precached scripts as they are stored. Chromium only (a .spec.ts file), whose traces say
// which cache a compile consumed.
const COMPILE_TRACE_CATEGORIES = ['devtools.timeline', 'v8', 'disabled-by-default-v8.compile'];

interface TraceEvent {
  name: string;
  args?: { data?: { url?: string; consumedCacheSize?: number } };
}

test('a page started by the service worker compiles its scripts from their code cache', async ({ browser, page }) => {
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
  // The three largest (React DOM, the router, the console's first chunk) come with theirs.
  const largest = compiles.map((event) => event.args?.data?.consumedCacheSize ?? 0).sort((a, b) => b - a);
  expect(largest.slice(0, 3).every((size) => size > 20_000), `cache sizes consumed: ${largest.join(', ')}`).toBe(true);
});
