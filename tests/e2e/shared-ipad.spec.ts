// Issue #5, shared iPad: signing out removes the member's downloads (after a confirm that says how
// many), so the next member on the device cannot play them, not even through the worker's cache.
import { expect, test, type Page } from '@playwright/test';
import { signUpThroughApi, uniqueEmail } from './support/auth';
import { E2E } from './support/servers';

interface ApiTrack { id: string; title: string; isVip: boolean; audioUrl: string | null }
const sameOrigin = { Origin: E2E.consoleUrl, 'Content-Type': 'application/json' };

async function asBackendAdmin(method: string, path: string, body?: unknown): Promise<void> {
  const base = `${E2E.backendUrl}/api/apps/${E2E.appId}`;
  const login = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@spynners.local', password: E2E.demoPassword }),
  });
  const { access_token: token } = (await login.json()) as { access_token: string };
  const res = await fetch(`${base}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.ok, `${method} ${path} → ${res.status}`).toBe(true);
}

const cachedAudio = (page: Page, id: string) =>
  page.evaluate(async (key) => Boolean(await caches.match(key, { ignoreVary: true })), `/api/tracks/${id}/audio`);

test('signing out removes the DJ’s downloads, and the next member cannot play them', async ({ page }) => {
  test.setTimeout(120_000);
  // Member A: one diamond, one VIP track unlocked, a worker controlling the console.
  await signUpThroughApi(page.request, uniqueEmail('ipad-a'));
  const me = (await (await page.request.get('/api/me')).json()) as { id: string };
  await asBackendAdmin('PUT', `/entities/User/${me.id}`, { black_diamonds: 1 });
  const vip = (await (await page.request.get('/api/vip')).json()) as { tracks: ApiTrack[] };
  const track = vip.tracks.find((t) => t.audioUrl)!;
  expect((await page.request.post(`/api/vip/${track.id}/unlock`, { headers: sameOrigin, data: Buffer.from('{}') })).status()).toBe(200);
  await page.goto('/library');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);

  // A keeps it offline.
  await page.goto(`/tracks/${track.id}`);
  await page.getByTestId('download-track').click();
  await expect(page.getByTestId('download-state')).toHaveAttribute('data-state', 'offline', { timeout: 30_000 });
  expect(await cachedAudio(page, track.id)).toBe(true);

  // Sign out asks first, saying what goes; Cancel keeps everything.
  await page.getByRole('button', { name: 'Sign out' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign out and remove your download?' });
  await expect(dialog.getByTestId('sign-out-downloads')).toContainText(/The track you keep offline on this device \(\d+\.\d MB\) will be removed/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await cachedAudio(page, track.id)).toBe(true);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await dialog.getByRole('button', { name: 'Sign out and remove' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  expect(await cachedAudio(page, track.id)).toBe(false);
  const rows = await page.evaluate(
    (userId) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('spynners-console');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('offlineTracks').objectStore('offlineTracks').index('userId').count(userId);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        };
      }),
    me.id,
  );
  expect(rows).toBe(0);

  // Member B on the same device: the worker has nothing of A's to give, and the server refuses.
  await signUpThroughApi(page.request, uniqueEmail('ipad-b'));
  await page.goto('/library');
  expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  const status = await page.evaluate(async (url) => (await fetch(url)).status, `/api/tracks/${track.id}/audio`);
  expect(status).toBe(403);
});

test('signing out with nothing downloaded asks nothing', async ({ page }) => {
  await signUpThroughApi(page.request, uniqueEmail('ipad-c'));
  await page.goto('/library');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
});
