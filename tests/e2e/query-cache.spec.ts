import { expect, test, type Page } from '@playwright/test';
import { E2E } from './support/servers';
import { signInThroughUi } from './support/auth';
import { persistedQueryRows as persistedRows } from './support/persisted-cache';

/** The server is unreachable for the app's data and probes (the page itself still loads). */
async function cutTheNetwork(page: Page) {
  await page.route(/\/api\/(?!auth\/)/, (route) => route.abort('internetdisconnected'));
}

test.describe('the persisted query cache', () => {
  test('restores the library from IndexedDB when the server is unreachable, and recovers without a reload', async ({ page }) => {
    await signInThroughUi(page, E2E.demoDj, E2E.demoPassword);
    const firstTitle = (await page.getByTestId('track-title').first().textContent()) ?? '';
    await expect.poll(async () => (await persistedRows(page)).map((r) => r.root)).toContain('tracks');

    await cutTheNetwork(page);
    await page.reload();
    await expect(page.getByTestId('track-title').filter({ hasText: firstTitle }).first()).toBeVisible();
    const banner = page.getByRole('status').filter({ hasText: /Offline/ });
    await expect(banner).toHaveText(/Offline · showing data from (less than a minute|\d+ min) ago/);

    // A page whose data was never cached waits (paused, not failed) ...
    await page.getByRole('link', { name: 'Playlists' }).first().click();
    await expect(page.getByText('Loading your playlists…')).toBeVisible();
    // ... and loads by itself once a probe reaches the server again.
    const playlistsRequest = page.waitForRequest((req) => req.url().includes('/api/playlists'));
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await playlistsRequest;
    await expect(page.locator('[data-app-ready="true"]')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText('Loading your playlists…')).toBeHidden();
    await expect(banner).toBeHidden();
  });

  test('shows the offline banner on the offline event and hides it when the server answers again', async ({ page, context }) => {
    await signInThroughUi(page, E2E.demoDj, E2E.demoPassword);
    await context.setOffline(true);
    await expect(page.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();
    await context.setOffline(false);
    await expect(page.getByRole('status').filter({ hasText: 'Offline' })).toBeHidden();
  });

  test('is deleted on sign-out', async ({ page }) => {
    await signInThroughUi(page, E2E.demoDj, E2E.demoPassword);
    await expect.poll(async () => (await persistedRows(page)).length).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    expect(await persistedRows(page)).toEqual([]);
  });
});
