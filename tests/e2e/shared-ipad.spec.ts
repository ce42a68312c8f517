// Issue #5, shared iPad: signing out removes the member's downloads (after a confirm that says how
// many), so the next member on the device cannot play them, not even through the worker's cache.
// And the owner rule: when a session ends on its own, the downloads stay for the same DJ (offline
// too), but a different member signing in on the device removes them.
import { expect, test, request as playwrightRequest, type Page } from '@playwright/test';
import { signInThroughUi, signUpThroughApi, uniqueEmail } from './support/auth';
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

const offlineRowsOf = (page: Page, userId: string) =>
  page.evaluate(
    (id) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('spynners-console');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('offlineTracks').objectStore('offlineTracks').index('userId').count(id);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        };
      }),
    userId,
  );

async function untilPageCached(page: Page, path: string): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(async (p) => {
          for (const name of (await caches.keys()).filter((n) => n.startsWith('spynners-pages-'))) {
            if (await (await caches.open(name)).match(p, { ignoreVary: true })) return true;
          }
          return false;
        }, path),
      { timeout: 15_000, message: `the worker should cache ${path}` },
    )
    .toBe(true);
}

/** A member with one VIP track unlocked and kept offline on this page's device. */
async function memberWithVipDownload(page: Page, prefix: string): Promise<{ id: string; email: string; track: ApiTrack }> {
  const email = uniqueEmail(prefix);
  await signUpThroughApi(page.request, email);
  const me = (await (await page.request.get('/api/me')).json()) as { id: string };
  await asBackendAdmin('PUT', `/entities/User/${me.id}`, { black_diamonds: 1 });
  const vip = (await (await page.request.get('/api/vip')).json()) as { tracks: ApiTrack[] };
  const track = vip.tracks.find((t) => t.audioUrl)!;
  expect((await page.request.post(`/api/vip/${track.id}/unlock`, { headers: sameOrigin, data: Buffer.from('{}') })).status()).toBe(200);
  await page.goto('/library');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  await page.goto(`/tracks/${track.id}`);
  await page.getByTestId('download-track').click();
  await expect(page.getByTestId('download-state')).toHaveAttribute('data-state', 'offline', { timeout: 30_000 });
  expect(await cachedAudio(page, track.id)).toBe(true);
  return { id: me.id, email, track };
}

/** Another member's account, made without touching this device's session. */
async function otherMember(prefix: string): Promise<{ email: string; password: string }> {
  const email = uniqueEmail(prefix);
  const password = 'correct-horse-42';
  const api = await playwrightRequest.newContext({ baseURL: E2E.consoleUrl });
  await signUpThroughApi(api, email, password);
  await api.dispose();
  return { email, password };
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

test('a session that ends on its own keeps the DJ’s downloads playable offline; a different member signing in removes them', async ({ page, context }) => {
  test.setTimeout(150_000);
  const a = await memberWithVipDownload(page, 'owner-a');
  await page.goto('/downloads');
  await expect(page.getByTestId('offline-track')).toHaveCount(1);
  await untilPageCached(page, '/downloads');

  // A's session ends on its own (no sign-out): in the club basement, with no network, A's console
  // opens from the cache and the download still plays.
  await context.clearCookies();
  await context.setOffline(true);
  await page.close();
  const basement = await context.newPage();
  expect((await basement.goto('/downloads'))?.fromServiceWorker()).toBe(true);
  const row = basement.locator(`[data-testid="offline-track"][data-track-id="${a.track.id}"]`);
  await row.getByRole('button', { name: `Play ${a.track.title}` }).click();
  // Through the shared player (the mini player).
  const mini = basement.getByTestId('mini-player');
  await expect(mini).toHaveAttribute('data-track-id', a.track.id);
  await expect.poll(async () => Number(await mini.getAttribute('data-position')), { timeout: 15_000 }).toBeGreaterThan(0.5);
  await expect(mini).toHaveAttribute('data-playing', 'true');
  await expect(basement.getByTestId('mini-error')).toHaveCount(0);
  await row.getByRole('button', { name: `Pause ${a.track.title}` }).click();
  await expect(mini).toHaveAttribute('data-playing', 'false');
  expect(await cachedAudio(basement, a.track.id)).toBe(true);
  await context.setOffline(false);

  // Back online, member B signs in through the form on the same device: by the time the console
  // opens, A's download is gone (file and row), the worker has nothing of A's to give, and the
  // server refuses B the VIP track B never unlocked.
  await basement.close();
  const b = await otherMember('owner-b');
  const shared = await context.newPage();
  await signInThroughUi(shared, b.email, b.password);
  expect(await cachedAudio(shared, a.track.id)).toBe(false);
  expect(await offlineRowsOf(shared, a.id)).toBe(0);
  const status = await shared.evaluate(async (url) => (await fetch(url, { headers: { range: 'bytes=0-1' } })).status, `/api/tracks/${a.track.id}/audio`);
  expect(status).toBe(403);
  await shared.goto('/downloads');
  await expect(shared.getByTestId('offline-track')).toHaveCount(0);
});

test('a different member whose session started elsewhere than the form: the console removes the previous DJ’s downloads at start', async ({ page, context }) => {
  test.setTimeout(120_000);
  const a = await memberWithVipDownload(page, 'owner-c');
  // The same DJ signs in again after the session ended: nothing goes.
  await context.clearCookies();
  await signInThroughUi(page, a.email, 'correct-horse-42');
  await page.goto('/downloads');
  await expect(page.getByTestId('offline-track')).toHaveCount(1);
  expect(await cachedAudio(page, a.track.id)).toBe(true);

  // Another member's session arrives without the sign-in form (next-auth's endpoint directly).
  await context.clearCookies();
  await signUpThroughApi(page.request, uniqueEmail('owner-d'));
  await page.goto('/library');
  await expect.poll(() => cachedAudio(page, a.track.id), { timeout: 15_000 }).toBe(false);
  expect(await offlineRowsOf(page, a.id)).toBe(0);
  const status = await page.evaluate(async (url) => (await fetch(url)).status, `/api/tracks/${a.track.id}/audio`);
  expect(status).toBe(403);
});

test('a removed download is never served again, even right after the worker answered it', async ({ page, context }) => {
  test.setTimeout(120_000);
  const a = await memberWithVipDownload(page, 'recent');
  const key = `/api/tracks/${a.track.id}/audio`;
  const probe = (p: Page) =>
    p.evaluate(async (url) => fetch(url, { headers: { range: 'bytes=0-1' } }).then((r) => `answered ${r.status}`, () => 'network error'), key);
  await context.setOffline(true);
  // Answered by the worker from the copy; the next requests of the track come from its memory.
  expect(await probe(page)).toBe('answered 206');
  expect(await probe(page)).toBe('answered 206');
  await page.getByRole('button', { name: 'Remove download' }).click();
  await expect(page.getByTestId('download-track')).toBeVisible();
  expect(await cachedAudio(page, a.track.id)).toBe(false);
  // Within the worker's memory window (30 s): still not served.
  await expect.poll(() => probe(page), { timeout: 5_000 }).toBe('network error');
  expect(await probe(page)).toBe('network error');
  await context.setOffline(false);
});

test('signing out with nothing downloaded asks nothing', async ({ page }) => {
  await signUpThroughApi(page.request, uniqueEmail('ipad-c'));
  await page.goto('/library');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
});
