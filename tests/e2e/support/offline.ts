// What an offline start needs on the device, waited for in end-to-end tests before the network goes.
import { expect, type Page } from '@playwright/test';

/** The catalogue is in the persisted query cache (what an offline reload paints the library and decks from). */
export async function catalogueSaved(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(
          () =>
            new Promise<boolean>((resolve) => {
              const open = indexedDB.open('spynners-console');
              open.onerror = () => resolve(false);
              open.onsuccess = () => {
                const request = open.result.transaction('queryCache').objectStore('queryCache').getAll();
                request.onsuccess = () => resolve((request.result as Array<{ queryHash: string }>).some((row) => row.queryHash.includes('catalogue')));
                request.onerror = () => resolve(false);
              };
            }),
        ),
      { timeout: 20_000 },
    )
    .toBe(true);
}

/** The page is served by the service worker: first load activates it, a reload puts it in control. */
export async function controlledPage(page: Page, path: string): Promise<void> {
  const ready = page.locator('[data-app-ready="true"]').first();
  await page.goto(path);
  await expect(ready).toBeVisible({ timeout: 20_000 });
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  await expect(ready).toBeVisible({ timeout: 20_000 });
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}
