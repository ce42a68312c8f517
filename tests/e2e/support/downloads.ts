// Downloads in end-to-end tests go through the product, as a DJ makes them: the track page's
// "Make available offline" button. The download manager owns the audio cache (its records list
// what is stored, and every console start removes files no record of the member lists), so a file
// written straight into Cache Storage would not survive the next start.
import { expect, type Page } from '@playwright/test';

/** Opens the track's page, downloads it and waits until it is available offline; back to `returnTo`. */
export async function downloadThroughTrackPage(page: Page, trackId: string): Promise<void> {
  await page.goto(`/tracks/${trackId}`);
  await expect(page.locator('[data-app-ready="true"]').first()).toBeVisible({ timeout: 20_000 });
  await page.getByTestId('download-track').click();
  await expect(page.getByTestId('download-state')).toHaveAttribute('data-state', 'offline', { timeout: 30_000 });
}

/** The stored copy's size and type (what the worker answers offline from). */
export async function storedAudio(page: Page, cacheName: string, key: string): Promise<{ size: number; type: string }> {
  return page.evaluate(
    async ({ cacheName, key }) => {
      const copy = await (await caches.open(cacheName)).match(key);
      if (!copy) throw new Error(`${key} is not in ${cacheName}`);
      return { size: (await copy.blob()).size, type: copy.headers.get('content-type') ?? '' };
    },
    { cacheName, key },
  );
}
