// Issue #4's promise, end to end: what a DJ has seen renders from the persisted cache when the
// server is unreachable, search still works, the console says it is offline and how old the data
// is, and everything refreshes by itself when the server answers again.
import { expect, test, type Page } from '@playwright/test';
import { signUpThroughApi, uniqueEmail } from './support/auth';
import { E2E } from './support/servers';

interface CatalogueTrack { id: string; title: string; genre: string; averageRating: number | null; isVip: boolean }

const json = (body: unknown) => ({
  headers: { Origin: E2E.consoleUrl, 'Content-Type': 'application/json' },
  data: Buffer.from(JSON.stringify(body)),
});

/** The persisted query keys, read straight from IndexedDB (no app code). */
async function persistedKeys(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'spynners-console')) return [];
    const db = await new Promise<IDBDatabase>((ok, ko) => {
      const open = indexedDB.open('spynners-console');
      open.onsuccess = () => ok(open.result);
      open.onerror = () => ko(open.error);
    });
    const rows = await new Promise<Array<{ queryKey: unknown }>>((ok) => {
      const req = db.transaction('queryCache').objectStore('queryCache').getAll();
      req.onsuccess = () => ok(req.result);
    });
    db.close();
    return rows.map((row) => JSON.stringify(row.queryKey));
  });
}

async function cutTheApi(page: Page) {
  await page.route(/\/api\/(?!auth\/)/, (route) => route.abort('internetdisconnected'));
}

test('the library, a playlist and the VIP list render offline from the cache, then refresh without a reload', async ({ page, playwright }) => {
  test.setTimeout(120_000);
  const email = uniqueEmail('offline');
  await signUpThroughApi(page.request, email);
  const tracks = ((await (await page.request.get('/api/catalogue')).json()) as { tracks: CatalogueTrack[] }).tracks;
  const [first, second] = tracks.filter((t) => !t.isVip);

  // Online: browse and filter, rate a track, build a playlist, look at VIP.
  await page.goto('/library');
  await expect(page.locator('[data-search-source="local"][data-app-ready="true"]')).toBeVisible();
  await page.getByLabel('Genre').selectOption(first!.genre);
  await expect(page.getByTestId('track-genre').first()).toHaveText(first!.genre);
  // Written on the tick the catalogue arrives (no throttle window to lose to the next navigation).
  await expect.poll(async () => (await persistedKeys(page)).some((k) => k.startsWith('["catalogue"')), { timeout: 2000 }).toBe(true);

  await page.goto(`/tracks/${first!.id}`);
  await page.getByRole('radio', { name: '4 stars' }).check();
  await expect(page.getByText('You rated it 4 of 5')).toBeVisible();

  const created = await page.request.post('/api/playlists', json({ name: 'Basement set', trackIds: [first!.id, second!.id] }));
  expect(created.status()).toBe(201);
  const playlist = (await created.json()) as { id: string };
  await page.goto(`/playlists/${playlist.id}`);
  await expect(page.getByTestId('playlist-track-title')).toHaveText([first!.title, second!.title]);

  await expect.poll(async () => (await persistedKeys(page)).some((k) => k.includes(playlist.id))).toBe(true);

  await page.goto('/vip');
  await expect(page.getByTestId('vip-track').first()).toBeVisible();
  const vipCount = await page.getByTestId('vip-track').count();
  await expect.poll(async () => (await persistedKeys(page)).some((k) => k.startsWith('["vip"'))).toBe(true);

  // The server becomes unreachable for data (the documents still load: the worker comes later).
  await cutTheApi(page);
  await page.goto('/library');
  await expect(page.getByTestId('track-row').first()).toBeVisible();
  const banner = page.getByRole('status').filter({ hasText: /Offline/ });
  await expect(banner).toHaveText(/Offline · showing data from (less than a minute|\d+ min) ago/);
  await page.getByLabel('Search tracks').fill(second!.title.split(' ')[0]!.toLowerCase());
  await expect(page.getByTestId('track-title').filter({ hasText: second!.title }).first()).toBeVisible();

  await page.goto(`/playlists/${playlist.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Basement set');
  await expect(page.getByTestId('playlist-track-title')).toHaveText([first!.title, second!.title]);

  await page.goto('/vip');
  await expect(page.getByTestId('vip-track')).toHaveCount(vipCount);
  await expect(banner).toBeVisible();

  // Meanwhile the playlist changes on the server (another device of the same DJ).
  const otherDevice = await playwright.request.newContext({ baseURL: E2E.consoleUrl, storageState: await page.context().storageState() });
  expect((await otherDevice.patch(`/api/playlists/${playlist.id}`, json({ name: 'Basement set (final)' }))).status()).toBe(200);
  await otherDevice.dispose();

  await page.goto(`/playlists/${playlist.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Basement set');
  // The server answers again: the console notices and refreshes without a reload.
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Basement set (final)', { timeout: 30_000 });
  await expect(banner).toBeHidden();
});
