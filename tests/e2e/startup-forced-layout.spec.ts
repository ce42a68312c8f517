import { expect, test } from '@playwright/test';
import { E2E } from './support/servers';
import { signInThroughApi } from './support/auth';
import { FORCED_LAYOUT_TRACE_CATEGORIES, forcedLayouts } from './support/forced-layouts';

// A screen's scripts must not make the browser compute style and layout in the middle of their
// start-up tasks (issue #17): the library's virtualizer read the window's size and wrote its scroll
// offset as the first rows mounted, and every VIP card focused the Cancel button of its closed
// dialog; each read recomputed the rows just inserted inside a task (Lighthouse's trace, which
// records every invalidation with its stack, counted up to 1 s of blocking for it).
// Small ones are tolerated: a forced update of a handful of elements costs nothing. Chromium only
// (a .spec.ts file: the WebKitGTK project runs *.wk.ts), whose performance traces record them.
const MAX_FORCED_ELEMENTS = 12;

const SCREENS = ['/library', '/vip', '/playlists', '/sessions', '/console'];

test.describe('start-up without forced layouts', () => {
  test.beforeEach(async ({ page }) => {
    await signInThroughApi(page.request, E2E.demoDj, E2E.demoPassword);
  });

  for (const path of SCREENS) {
    test(`${path} starts without forcing style or layout of more than a few elements`, async ({ browser, page }) => {
      await page.setViewportSize({ width: 820, height: 1180 });
      await browser.startTracing(page, { categories: FORCED_LAYOUT_TRACE_CATEGORIES });
      await page.goto(path);
      await expect(page.locator('[data-app-ready="true"]').first()).toBeAttached({ timeout: 30_000 });
      if (path === '/library') await expect(page.getByTestId('track-row').first()).toBeVisible();
      // The data that arrives after the ready marker (the catalogue's index, late covers) renders too.
      await page.waitForTimeout(2500);
      const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
      const forced = forcedLayouts(trace, E2E.consoleUrl).filter((event) => (event.elements ?? Infinity) > MAX_FORCED_ELEMENTS);
      expect(forced, JSON.stringify(forced, null, 2)).toEqual([]);
    });
  }
});
