import { expect, test } from '@playwright/test';
import { E2E } from './support/servers';
import { signInThroughUi } from './support/auth';

test.describe('the promo pool', () => {
  test.beforeEach(async ({ page }) => {
    await signInThroughUi(page, E2E.demoDj, E2E.demoPassword);
  });

  test('lists approved tracks with artwork, title, artist, genre, BPM and key', async ({ page }) => {
    const rows = page.getByTestId('track-row');
    await expect(rows.first()).toBeVisible();
    // The rows in view, then the 8 mounted below them once the browser is idle (the list is virtual).
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(12);
    const artwork = rows.first().locator('img');
    await expect(artwork).toHaveJSProperty('complete', true);
    expect(await artwork.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await expect(rows.first().getByTestId('track-bpm')).toHaveText(/^\d+ BPM$/);
  });

  test('names its columns over the cells they name, on iPad portrait, landscape and desktop', async ({ page }) => {
    for (const size of [{ width: 820, height: 1180 }, { width: 1180, height: 820 }, { width: 1440, height: 900 }]) {
      await page.setViewportSize(size);
      const row = page.getByTestId('track-row').first();
      await expect(row).toBeVisible();
      const columns = page.getByTestId('track-columns');
      const header = await columns.getByText('BPM', { exact: true }).boundingBox();
      const cell = await row.getByTestId('track-bpm').boundingBox();
      expect(header, `BPM column name at ${size.width}x${size.height}`).not.toBeNull();
      // Left-aligned on the same grid column: the name starts where the cell starts.
      expect(Math.abs(header!.x - cell!.x), `at ${size.width}x${size.height}`).toBeLessThan(2);
      const title = await columns.getByText('Title · Artist').boundingBox();
      const titleCell = await row.getByTestId('track-title').boundingBox();
      expect(Math.abs(title!.x - titleCell!.x), `at ${size.width}x${size.height}`).toBeLessThan(2);
      // Genre is named where it is shown (not on iPad portrait, where the column is dropped).
      await expect(columns.getByText('Genre', { exact: true })).toBeVisible({ visible: size.width > 900 });
    }
  });

  test('filters by genre, BPM range and VIP, and searches', async ({ page }) => {
    await page.getByLabel('Genre').selectOption('Techno');
    await expect(page).toHaveURL(/genre=Techno/);
    const genres = page.getByTestId('track-genre');
    await expect(genres.first()).toHaveText('Techno');
    for (const genre of await genres.allTextContents()) expect(genre).toBe('Techno');

    await page.getByLabel('Genre').selectOption('');
    await page.getByLabel('Minimum BPM').fill('120');
    await page.getByLabel('Maximum BPM').fill('124');
    await page.getByLabel('Maximum BPM').blur();
    await expect(page).toHaveURL(/bpmMin=120&bpmMax=124|bpmMax=124/);
    await expect(page.getByTestId('track-bpm').first()).toBeVisible();
    for (const bpm of await page.getByTestId('track-bpm').allTextContents()) {
      const value = Number.parseInt(bpm, 10);
      expect(value).toBeGreaterThanOrEqual(120);
      expect(value).toBeLessThanOrEqual(124);
    }

    await page.goto('/library?vipOnly=true');
    await expect(page.getByTestId('track-row').first()).toBeVisible();
    const rows = page.getByTestId('track-row');
    expect(await rows.count()).toBe(await rows.getByText('VIP', { exact: true }).count());

    await page.goto('/library');
    const title = (await page.getByTestId('track-title').nth(3).textContent()) ?? '';
    const word = title.split(' ').sort((a, b) => b.length - a.length)[0] ?? title;
    await page.getByLabel('Search tracks').fill(word.toLowerCase());
    await expect(page).toHaveURL(new RegExp(`search=${encodeURIComponent(word.toLowerCase())}`));
    // Two producers may use the same title (other specs approve tracks into the pool).
    await expect(page.getByTestId('track-title').filter({ hasText: title }).first()).toBeVisible();
  });

  test("a track's audio is served from our origin with Range support", async ({ page }) => {
    await page.getByTestId('track-row').first().click();
    const src = await page.getByTestId('track-audio').getAttribute('data-src');
    expect(src).toMatch(/^\/api\/tracks\/[^/]+\/audio$/);
    const whole = await page.request.get(src!);
    expect(whole.status()).toBe(200);
    expect(whole.headers()['content-type']).toBe('audio/mpeg');
    const size = (await whole.body()).length;
    const probe = await page.request.get(src!, { headers: { Range: 'bytes=0-1' } });
    expect(probe.status()).toBe(206);
    expect(probe.headers()['content-range']).toBe(`bytes 0-1/${size}`);
    expect((await probe.body()).length).toBe(2);
    const beyond = await page.request.get(src!, { headers: { Range: `bytes=${size + 10}-` } });
    expect(beyond.status()).toBe(416);
  });
});
