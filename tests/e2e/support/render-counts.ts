import { expect, type BrowserContext, type Page } from '@playwright/test';

/** Committed renders per counted component (lib/perf/render-count.ts). */
export type RenderCounts = Record<string, number>;

/** Turns the render counter on in every page of the context, before any page script runs. */
export async function countRenders(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    window.__SPYNNERS_COUNT_RENDERS__ = {};
  });
}

export const renderCounts = (page: Page): Promise<RenderCounts> =>
  page.evaluate(() => ({ ...(window.__SPYNNERS_COUNT_RENDERS__ ?? {}) }));

/** The counts once nothing has rendered for a second. */
export async function quietRenderCounts(page: Page): Promise<RenderCounts> {
  let last = '';
  await expect
    .poll(
      async () => {
        const now = JSON.stringify(await renderCounts(page));
        const same = now === last;
        last = now;
        return same;
      },
      { intervals: [1_000], timeout: 20_000 },
    )
    .toBe(true);
  return JSON.parse(last) as RenderCounts;
}
