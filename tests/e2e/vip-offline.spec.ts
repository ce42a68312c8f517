// Issue #5, VIP and offline half, in Chromium on the production build with the service worker:
// unlock a VIP track for one Black Diamond (charged once however often it is asked), keep it and a
// playlist offline, then open the console with no network at all and play a downloaded track,
// seeking included, with nothing reaching the network.
import { expect, test, type BrowserContext, type Page, type Request } from '@playwright/test';
import { signInThroughUi } from './support/auth';
import { E2E } from './support/servers';

interface ApiTrack { id: string; title: string; isVip: boolean; audioUrl: string | null; status: string; vipPreview: { startSeconds: number; endSeconds: number } | null }
interface VipOverview { tracks: ApiTrack[]; unlockedTrackIds: string[]; blackDiamonds: number }

const AUDIO_CACHE = 'spynners-audio-v1';
const sameOrigin = { Origin: E2E.consoleUrl, 'Content-Type': 'application/json' };

async function vipOverview(page: Page): Promise<VipOverview> {
  const res = await page.request.get('/api/vip');
  expect(res.status()).toBe(200);
  return (await res.json()) as VipOverview;
}

/** The Base44 backend behind the console, called as its admin (to top up a rerun's balance). */
async function asBackendAdmin(method: string, path: string, body?: unknown): Promise<unknown> {
  const base = `${E2E.backendUrl}/api/apps/${E2E.appId}`;
  const login = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@spynners.local', password: E2E.demoPassword }),
  });
  const { access_token: token } = (await login.json()) as { access_token: string };
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-app-id': E2E.appId },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.ok, `${method} ${path} → ${res.status}`).toBe(true);
  return res.json();
}

/** Calls the Base44 backend has served so far (it counts them): proof of what reached a server. */
async function backendStats(): Promise<{ requests: number; byRoute: Record<string, number> }> {
  return (await (await fetch(`${E2E.backendUrl}/__embedded/stats`)).json()) as { requests: number; byRoute: Record<string, number> };
}

/** Signs the demo DJ in and reloads once the worker is active, so the console is controlled. */
async function controlledConsole(page: Page): Promise<void> {
  await signInThroughUi(page, E2E.demoDj, E2E.demoPassword);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  await expect(page.locator('[data-app-ready="true"]').first()).toBeVisible();
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${E2E.consoleUrl}/sw.js`);
}

/** Until the worker holds a copy of `path` (the console shell opened offline). */
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

/** Page requests and whether the worker answered; the worker's own requests apart. */
function recordRequests(context: BrowserContext) {
  const pageRequests: Request[] = [];
  const workerRequests: Request[] = [];
  context.on('request', (request) => (request.serviceWorker() ? workerRequests : pageRequests).push(request));
  return {
    pageRequests,
    async notFromWorker(): Promise<string[]> {
      const misses: string[] = [];
      for (const request of pageRequests) {
        if (request.url().startsWith('blob:') || request.url().startsWith('data:')) continue; // never the network
        const response = await request.response().catch(() => null);
        if (!response?.fromServiceWorker()) misses.push(`${request.method()} ${new URL(request.url()).pathname}`);
      }
      return misses;
    },
    workerRequests: async () => workerRequests.map((r) => `${r.method()} ${r.url()}`),
  };
}

/** Records every value the download progress bars of the page take (they vanish at the end). */
async function watchProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { e2eProgress: number[] }).e2eProgress = seen;
    const note = () => {
      for (const bar of document.querySelectorAll<HTMLProgressElement>('[data-testid="download-progress"]')) {
        if (bar.hasAttribute('value')) seen.push(bar.value);
      }
    };
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['value'] });
  });
}

test('unlock a VIP track, keep it and a playlist offline, and play it with no network', async ({ context, page }) => {
  test.setTimeout(180_000);
  await controlledConsole(page);

  // ---- A locked VIP track with audio and a preview, and a diamond to pay with (reruns included).
  let vip = await vipOverview(page);
  const me = (await (await page.request.get('/api/me')).json()) as { id: string };
  const locked = vip.tracks.filter((t) => !vip.unlockedTrackIds.includes(t.id) && t.audioUrl && t.vipPreview);
  expect(locked.length, 'the demo catalogue has locked VIP tracks').toBeGreaterThanOrEqual(2);
  const [target, stillLocked] = locked;
  if (vip.blackDiamonds < 1) {
    await asBackendAdmin('PUT', `/entities/User/${me.id}`, { black_diamonds: 1 });
    vip = await vipOverview(page);
  }
  const before = vip.blackDiamonds;
  // Locked: the server refuses its full audio (and any range of it) to this member.
  for (const range of [undefined, 'bytes=0-1']) {
    const refused = await page.request.get(`/api/tracks/${target!.id}/audio`, { headers: range ? { Range: range } : {} });
    expect(refused.status(), range ?? 'no range').toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('vip_locked');
  }

  // ---- Unlock through the UI: confirm, and a double click on the confirm button charges once.
  await page.goto('/vip');
  const card = page.locator(`[data-testid="vip-track"][data-track-id="${target!.id}"]`);
  await expect(page.getByTestId('diamond-balance')).toContainText(`${before} Black Diamond`);
  await expect(card.getByTestId('download-track')).toHaveCount(0); // locked: no download
  await card.getByTestId('unlock-vip').click();
  const dialog = page.getByRole('dialog', { name: `Unlock “${target!.title}”?` });
  await expect(dialog).toContainText(`you have ${before}`);
  await dialog.getByRole('button', { name: 'Unlock for 1 Black Diamond' }).dblclick();
  await expect(card.getByTestId('vip-unlocked')).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('diamond-balance')).toContainText(`${before - 1} Black Diamond`);
  const afterUi = await vipOverview(page);
  expect(afterUi.blackDiamonds).toBe(before - 1);
  expect(afterUi.unlockedTrackIds).toContain(target!.id);

  // Asking again (a retry, three tabs at once) returns the same purchase and charges nothing.
  const again = await Promise.all(
    [0, 1, 2].map(() => page.request.post(`/api/vip/${target!.id}/unlock`, { headers: sameOrigin, data: Buffer.from('{}') })),
  );
  const bodies = await Promise.all(again.map(async (r) => ({ status: r.status(), body: (await r.json()) as { alreadyUnlocked: boolean; blackDiamonds: number; purchase: { id: string } } })));
  expect(bodies.map((b) => [b.status, b.body.alreadyUnlocked, b.body.blackDiamonds])).toEqual(Array(3).fill([200, true, before - 1]));
  expect(new Set(bodies.map((b) => b.body.purchase.id)).size).toBe(1);
  expect((await vipOverview(page)).blackDiamonds).toBe(before - 1);
  // Unlocked: the full audio is served whole.
  const whole = await page.request.get(`/api/tracks/${target!.id}/audio`);
  expect(whole.status()).toBe(200);
  expect(whole.headers()['content-range']).toBeUndefined();
  expect((await whole.body()).length).toBeGreaterThan(100_000);

  // ---- Keep the unlocked track offline (progress to 100 %).
  await watchProgress(page);
  await card.getByTestId('download-track').click();
  await expect(card.getByTestId('offline-badge')).toBeVisible({ timeout: 30_000 });
  expect(Math.max(...(await page.evaluate(() => (window as unknown as { e2eProgress: number[] }).e2eProgress)))).toBe(100);
  // A locked VIP track offers no download.
  await expect(page.locator(`[data-testid="vip-track"][data-track-id="${stillLocked!.id}"]`).getByTestId('download-track')).toHaveCount(0);

  // ---- A playlist: two ordinary tracks and a locked VIP one (skipped, and said so).
  const catalogue = ((await (await page.request.get('/api/catalogue')).json()) as { tracks: ApiTrack[] }).tracks;
  const plain = catalogue.filter((t) => !t.isVip && t.audioUrl).slice(0, 2);
  const created = await page.request.post('/api/playlists', {
    headers: sameOrigin,
    data: Buffer.from(JSON.stringify({ name: `Offline set ${Date.now()}`, trackIds: [plain[0]!.id, stillLocked!.id, plain[1]!.id] })),
  });
  expect(created.status()).toBe(201);
  const playlist = (await created.json()) as { id: string };
  await page.goto(`/playlists/${playlist.id}`);
  await expect(page.getByTestId('playlist-track')).toHaveCount(3);
  await page.getByTestId('download-playlist').click();
  await expect(page.getByTestId('playlist-offline')).toHaveText('✓ Available offline · 2 tracks', { timeout: 60_000 });
  await expect(page.getByTestId('playlist-download')).toContainText('locked VIP');
  await expect(page.getByTestId('playlist-track').getByTestId('offline-badge')).toHaveCount(2);

  // ---- The Downloads page lists the three, storage and persistence are shown.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Downloads' }).click();
  await expect(page).toHaveURL(/\/downloads$/);
  const expected = [target!.id, plain[0]!.id, plain[1]!.id].sort();
  await expect(page.getByTestId('offline-track')).toHaveCount(3);
  expect((await page.getByTestId('offline-track').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-track-id')))).sort()).toEqual(expected);
  await expect(page.getByTestId('storage-usage')).toContainText('used of');
  await expect(page.getByTestId('storage-persistence')).toBeVisible();
  const stored = await page.evaluate(async (cacheName) => {
    const cache = await caches.open(cacheName);
    return Promise.all((await cache.keys()).map(async (req) => ({ path: new URL(req.url).pathname, status: (await cache.match(req))!.status })));
  }, AUDIO_CACHE);
  for (const id of expected) expect(stored).toContainEqual({ path: `/api/tracks/${id}/audio`, status: 200 });
  expect(stored.some((s) => s.path.includes(stillLocked!.id))).toBe(false);

  // The shell of the screens used below is in the worker's cache.
  await page.goto('/library');
  await expect(page.getByTestId('track-row').first()).toBeVisible();
  await untilPageCached(page, '/library');
  await untilPageCached(page, '/downloads');

  // ---- No network: close the page, open the start URL in a new one.
  const upstreamBefore = await backendStats();
  await context.setOffline(true);
  await page.close();
  const requests = recordRequests(context);
  const offline = await context.newPage();
  const response = await offline.goto('/library');
  expect(response?.fromServiceWorker()).toBe(true);
  await expect(offline.getByTestId('track-row').first()).toBeVisible();
  await offline.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Downloads' }).click();
  await expect(offline).toHaveURL(/\/downloads$/);
  await expect(offline.getByTestId('offline-track')).toHaveCount(3);

  // Play the unlocked VIP track (in full: a download was unlocked) through the shared player.
  const row = offline.locator(`[data-testid="offline-track"][data-track-id="${target!.id}"]`);
  await row.getByRole('button', { name: `Play ${target!.title}` }).click();
  const mini = offline.getByTestId('mini-player');
  await expect(mini).toHaveAttribute('data-track-id', target!.id);
  await expect(mini).toHaveAttribute('data-playing', 'true', { timeout: 15_000 });
  await expect.poll(async () => Number(await mini.getAttribute('data-position')), { timeout: 15_000 }).toBeGreaterThan(0.5);
  await expect(row.getByRole('button', { name: `Pause ${target!.title}` })).toBeVisible();
  await expect(offline.getByTestId('mini-error')).toHaveCount(0);
  const duration = Number(await mini.getAttribute('data-duration'));
  expect(duration).toBeGreaterThan(target!.vipPreview!.endSeconds);
  // The downloads page has no media element of its own: one audio path.
  expect(await offline.locator('audio').count()).toBe(0);

  // Seek past the preview window through the mini player: playback goes on from there (not ended,
  // not back at the start). The position is read at once: the demo track is ~32 s long, so waiting
  // for anything first (say a worker answer to a range request, which Chromium does not send when
  // the target is already in its media buffer) would leave it time to end on its own.
  await expect(mini).toHaveAttribute('data-queue-length', '3');
  const seekTo = Math.min(duration - 8, target!.vipPreview!.endSeconds + 2);
  expect(seekTo).toBeGreaterThan(target!.vipPreview!.endSeconds);
  await offline.getByTestId('mini-seek').fill(String(seekTo));
  const position = async () => Number(await mini.getAttribute('data-position'));
  await expect.poll(position, { timeout: 5_000 }).toBeGreaterThan(seekTo + 0.3);
  const afterSeek = await position();
  await expect.poll(position, { timeout: 5_000 }).toBeGreaterThan(afterSeek + 1);
  await expect(mini).toHaveAttribute('data-playing', 'true');
  await expect(mini).toHaveAttribute('data-track-id', target!.id);
  expect(await position()).toBeLessThan(duration);
  const ranges = await Promise.all(
    requests.pageRequests
      .filter((r) => r.url().endsWith(`/api/tracks/${target!.id}/audio`))
      .map(async (r) => ({ range: (await r.allHeaders())['range'] ?? null, status: (await r.response())?.status(), fromWorker: (await r.response())?.fromServiceWorker() })),
  );
  expect(ranges.length).toBeGreaterThan(0);
  expect(ranges.every((r) => r.status === 206 && r.fromWorker)).toBe(true);

  // Nothing reached the network: only the reachability probe tries (and fails).
  await offline.waitForTimeout(1000);
  expect((await requests.notFromWorker()).filter((r) => r !== 'HEAD /api/health')).toEqual([]);
  // Nothing reached a server: the backend behind the console counted no call.
  const upstreamAfter = await backendStats();
  expect(upstreamAfter.requests - upstreamBefore.requests, JSON.stringify(upstreamAfter.byRoute)).toBe(0);
  // The worker never went looking for the downloaded tracks' audio.
  // (Its stale-while-revalidate refreshes of library covers are answered by the HTTP cache.)
  const audioPaths = expected.map((id) => `/api/tracks/${id}/audio`);
  expect((await requests.workerRequests()).filter((r) => audioPaths.some((p) => r.includes(p)))).toEqual([]);

  // Removing the playing track stops it; "Remove all" stops the one playing then.
  await expect(mini).toHaveAttribute('data-playing', 'true');
  await row.getByRole('button', { name: `Remove ${target!.title} from this device` }).click();
  await expect(mini).toHaveAttribute('data-playing', 'false');
  await expect(offline.getByTestId('offline-track')).toHaveCount(2);
  const other = offline.locator(`[data-testid="offline-track"][data-track-id="${plain[0]!.id}"]`);
  await other.getByRole('button', { name: `Play ${plain[0]!.title}` }).click();
  await expect(mini).toHaveAttribute('data-track-id', plain[0]!.id);
  await expect(mini).toHaveAttribute('data-playing', 'true', { timeout: 15_000 });
  await expect(other).toHaveAttribute('data-playing', 'true');
  await offline.getByRole('button', { name: 'Remove all', exact: true }).click();
  await offline.getByRole('dialog').getByRole('button', { name: 'Remove all', exact: true }).click();
  await expect(offline.getByTestId('offline-track')).toHaveCount(0);
  await expect(mini).toHaveAttribute('data-playing', 'false');
  await context.setOffline(false);
});

test('a locked VIP track plays its preview only, offers no download, and the API refuses what it cannot pay', async ({ page }) => {
  await controlledConsole(page);
  const vip = await vipOverview(page);
  const locked = vip.tracks.find((t) => !vip.unlockedTrackIds.includes(t.id) && t.audioUrl && t.vipPreview);
  expect(locked).toBeTruthy();
  await page.goto(`/tracks/${locked!.id}`);
  const audio = page.getByTestId('track-audio');
  await expect(audio).toHaveAttribute('data-locked', 'true');
  await expect(page.getByTestId('vip-preview-note')).toBeVisible();
  await expect(page.getByTestId('download-track')).toHaveCount(0);
  await expect(page.getByTestId('unlock-vip')).toBeVisible();
  // It plays its preview clip (the window's frames as their own file, never the full audio), in
  // the player, inside the clip only.
  const window = locked!.vipPreview!;
  const length = window.endSeconds - window.startSeconds;
  await expect(audio).toHaveAttribute('data-src', `/api/tracks/${locked!.id}/preview`);
  const mini = page.getByTestId('mini-player');
  await page.getByTestId('play-track').click();
  await expect(mini).toHaveAttribute('data-playing', 'true');
  await expect(page.getByTestId('mini-preview')).toBeVisible();
  const position = async () => Number(await mini.getAttribute('data-position'));
  expect(await position()).toBeGreaterThanOrEqual(0);
  expect(await position()).toBeLessThan(length);
  await expect.poll(async () => Math.abs(Number(await mini.getAttribute('data-duration')) - length)).toBeLessThan(0.5);
  await page.getByTestId('mini-toggle').click();
  await expect(mini).toHaveAttribute('data-playing', 'false');
  // The server refuses the full audio whole and in part; the clip refuses ranges past its end.
  for (const range of [undefined, 'bytes=0-1', 'bytes=100000-100099']) {
    expect((await page.request.get(`/api/tracks/${locked!.id}/audio`, { headers: range ? { Range: range } : {} })).status()).toBe(403);
  }
  const clip = await page.request.get(`/api/tracks/${locked!.id}/preview`);
  expect(clip.status()).toBe(200);
  const clipLength = (await clip.body()).length;
  expect((await page.request.get(`/api/tracks/${locked!.id}/preview`, { headers: { Range: `bytes=${clipLength}-` } })).status()).toBe(416);
  // Nothing of its full audio is in the audio cache.
  expect(await page.evaluate(async (key) => Boolean(await caches.match(key)), `/api/tracks/${locked!.id}/audio`)).toBe(false);

  // A member with no diamond left: 402 with the message the UI shows, nothing charged.
  const me = (await (await page.request.get('/api/me')).json()) as { id: string; blackDiamonds: number };
  await asBackendAdmin('PUT', `/entities/User/${me.id}`, { black_diamonds: 0 });
  try {
    const refused = await page.request.post(`/api/vip/${locked!.id}/unlock`, { headers: sameOrigin, data: Buffer.from('{}') });
    expect(refused.status()).toBe(402);
    expect(((await refused.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'insufficient_diamonds',
      message: expect.stringMatching(/^Not enough Black Diamonds/),
    });
    await page.reload();
    await page.getByTestId('unlock-vip').click();
    await expect(page.getByRole('dialog')).toContainText('You have no Black Diamond left');
    await expect(page.getByRole('dialog').getByRole('button', { name: 'Not enough Black Diamonds' })).toBeDisabled();
    expect((await vipOverview(page)).unlockedTrackIds).not.toContain(locked!.id);
  } finally {
    await asBackendAdmin('PUT', `/entities/User/${me.id}`, { black_diamonds: me.blackDiamonds });
  }
});
