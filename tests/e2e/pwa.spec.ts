// The installable, offline console (issue #5, service-worker half), in Chromium on the production
// build: the worker, the offline shell, downloaded audio, the update flow and installability.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, expect, test, type BrowserContext, type Page, type Request } from '@playwright/test';
import { AUDIO_CACHE_NAME, audioCacheKey } from '@/lib/pwa/audio-cache';
import { signInThroughUi } from './support/auth';
import { downloadThroughTrackPage, storedAudio } from './support/downloads';
import { readPngSize } from './support/png';
import { E2E } from './support/servers';

/** The worker the console serves (written by lib/cli/build-sw.mjs, read from disk by next start). */
const SW_FILE = path.join(process.cwd(), 'public', 'sw.js');

/** Signs the demo DJ in and reloads once the worker is active: the console is then controlled. */
async function controlledConsole(page: Page): Promise<void> {
  await signInThroughUi(page, E2E.demoDj, E2E.demoPassword);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  await expect(page.locator('[data-app-ready="true"]')).toBeVisible();
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${E2E.consoleUrl}/sw.js`);
}

/**
 * Stops the active service worker (as the browser does once it idles) while the waiting one runs,
 * so that a message to the waiting worker is handled before the active one has started again.
 */
async function stopActiveWorker(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const versions = new Map<string, { status: string; runningStatus: string }>();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions: updated }) => {
    for (const version of updated) versions.set(version.versionId, version);
  });
  await cdp.send('ServiceWorker.enable');
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.postMessage({ type: 'e2e: wake up' }));
  const versionOf = (status: string) => [...versions].find(([, v]) => v.status === status)?.[0];
  await expect.poll(() => versionOf('installed') !== undefined && versions.get(versionOf('installed')!)!.runningStatus === 'running').toBe(true);
  const active = versionOf('activated');
  expect(active).toBeDefined();
  await cdp.send('ServiceWorker.stopWorker', { versionId: active! });
  await expect.poll(() => versions.get(active!)?.runningStatus).toBe('stopped');
  await cdp.detach();
}

/** The first tracks of the library that have audio (through our own API, signed in). */
async function tracksWithAudio(page: Page): Promise<Array<{ id: string; title: string }>> {
  return page.evaluate(async () => {
    const res = await fetch('/api/tracks?pageSize=10', { headers: { accept: 'application/json' } });
    const body = (await res.json()) as { items: Array<{ id: string; title: string; audioUrl: string | null; isVip: boolean }> };
    return body.items.filter((t) => t.audioUrl && !t.isVip).map(({ id, title }) => ({ id, title }));
  });
}

/** Downloads a track as a DJ does (its page's button), then reads the stored copy's size and type. */
async function downloadTrack(page: Page, trackId: string): Promise<{ size: number; type: string }> {
  await downloadThroughTrackPage(page, trackId);
  return storedAudio(page, AUDIO_CACHE_NAME, audioCacheKey(trackId));
}

/** Waits until the worker has the page's document and IndexedDB holds the persisted query cache. */
async function untilSavedForOffline(page: Page, path: string): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(async (p) => {
          const names = (await caches.keys()).filter((n) => n.startsWith('spynners-pages-'));
          for (const name of names) if (await (await caches.open(name)).match(p, { ignoreVary: true })) return true;
          return false;
        }, path),
      { timeout: 15_000 },
    )
    .toBe(true);
  await expect
    .poll(
      () =>
        page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              const open = indexedDB.open('spynners-console');
              open.onerror = () => resolve(0);
              open.onsuccess = () => {
                const db = open.result;
                if (!db.objectStoreNames.contains('queryCache')) return resolve(0);
                const count = db.transaction('queryCache').objectStore('queryCache').count();
                count.onsuccess = () => resolve(count.result);
                count.onerror = () => resolve(0);
              };
            }),
        ),
      { timeout: 15_000 },
    )
    .toBeGreaterThan(0);
}

/**
 * Records every request pages of `context` make and whether the worker answered it. Requests the
 * worker itself makes (its network-first attempts) are kept apart.
 */
function recordRequests(context: BrowserContext) {
  const pageRequests: Request[] = [];
  const workerRequests: Request[] = [];
  context.on('request', (request) => (request.serviceWorker() ? workerRequests : pageRequests).push(request));
  return {
    workerRequests,
    /**
     * Page requests not answered by the worker (failed, or went to the network). A request the page
     * cancelled (ERR_ABORTED: a browser navigation left the document that made it) asked nothing of
     * anyone; a request that tried the network offline fails otherwise (ERR_INTERNET_DISCONNECTED).
     */
    async notFromWorker(): Promise<string[]> {
      const misses: string[] = [];
      for (const request of pageRequests) {
        const response = await request.response().catch(() => null);
        if (!response && request.failure()?.errorText === 'net::ERR_ABORTED') continue;
        if (!response?.fromServiceWorker()) misses.push(`${request.method()} ${new URL(request.url()).pathname}`);
      }
      return misses;
    },
  };
}

test.describe('service worker', () => {
  test('/sw.js is served after the build, with no-cache and its precache manifest', async ({ request }) => {
    const res = await request.get('/sw.js');
    expect(res.status()).toBe(200);
    expect(res.headers()['cache-control']).toBe('no-cache');
    expect(res.headers()['content-type']).toMatch(/^application\/javascript/);
    const body = await res.text();
    expect(body).not.toContain('self.__WB_MANIFEST');
    expect(body).toMatch(/"url":"\/_next\/static\/chunks\/[^"]+\.js"/);
    expect(body).toContain('"url":"/offline"');
  });

  test('controls the console after a reload', async ({ page }) => {
    await controlledConsole(page);
    const state = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return { scope: registration?.scope, active: registration?.active?.state, waiting: registration?.waiting !== null };
    });
    expect(state).toEqual({ scope: `${E2E.consoleUrl}/`, active: 'activated', waiting: false });
  });

  test('a cold start with no network opens the console, signed in, with cached data, all from the worker', async ({ context, page }) => {
    await controlledConsole(page);
    await expect(page.getByTestId('track-row').first()).toBeVisible();
    const titles = (await page.getByTestId('track-title').allTextContents()).slice(0, 5);
    await untilSavedForOffline(page, '/library');
    await untilSavedForOffline(page, '/playlists'); // a tab never opened: warmed by the worker

    await context.setOffline(true);
    const offlineAt = Date.now();
    await page.close();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const requests = recordRequests(context);
    const offline = await context.newPage();
    const response = await offline.goto('/library');
    expect(response?.fromServiceWorker()).toBe(true);
    expect(response?.status()).toBe(200);
    await expect(offline.getByTestId('signed-in-user')).toContainText('DJ Nova');
    await expect(offline.getByTestId('track-row').first()).toBeVisible();
    expect((await offline.getByTestId('track-title').allTextContents()).slice(0, 5)).toEqual(titles);

    // In-app navigation to a tab that was never opened, still offline.
    await offline.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Playlists' }).click();
    await expect(offline).toHaveURL(/\/playlists$/);
    await expect(offline.getByRole('heading', { name: 'Playlists', level: 1 })).toBeVisible();
    await offline.waitForTimeout(1000); // let late requests (images, chunks, probes) show up

    // Only the reachability probe is meant to try the network (lib/offline/connectivity.ts).
    const misses = (await requests.notFromWorker()).filter((r) => r !== 'HEAD /api/health');
    expect(misses).toEqual([]);
    // The worker's own attempts (network-first pages, artwork revalidation) all failed, or were
    // answered by the browser's HTTP cache: a response dated before we went offline (a server
    // answer would be dated after it, we waited more than the Date header's one-second grain).
    const reachedServer: string[] = [];
    for (const request of requests.workerRequests) {
      const res = await request.response().catch(() => null);
      const date = res ? Date.parse(res.headers()['date'] ?? '') : Number.NaN;
      if (res && !(date < offlineAt)) reachedServer.push(`${request.method()} ${new URL(request.url()).pathname}`);
    }
    expect(reachedServer).toEqual([]);
  });

  test('a screen never saved shows the offline page, not a browser error', async ({ context, page }) => {
    await controlledConsole(page);
    await context.setOffline(true);
    const response = await page.goto('/tracks/never-opened-on-this-device');
    expect(response?.fromServiceWorker()).toBe(true);
    await expect(page.getByRole('heading', { name: 'You’re offline' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
    await page.waitForTimeout(500); // hydrated: the address must still be the one asked for
    expect(new URL(page.url()).pathname).toBe('/tracks/never-opened-on-this-device');
  });

  test('the bare address opens the start screen offline; signed out, it gets the offline page', async ({ context, page }) => {
    await controlledConsole(page);
    await untilSavedForOffline(page, '/library');
    await context.setOffline(true);
    const response = await page.goto('/');
    expect(response?.fromServiceWorker()).toBe(true);
    await expect(page).toHaveURL(/\/library$/);
    await expect(page.getByTestId('signed-in-user')).toContainText('DJ Nova');
    await expect(page.getByTestId('track-row').first()).toBeVisible();
    await expect(page.getByRole('heading', { name: 'You’re offline' })).toHaveCount(0);

    await context.setOffline(false);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await expect
      .poll(() => page.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith('spynners-pages-')).length))
      .toBe(0);
    await context.setOffline(true);
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'You’re offline' })).toBeVisible();
    await expect(page.getByTestId('signed-in-user')).toHaveCount(0);
  });

  test("signing out drops the cached console: offline, the next person gets the offline page, not the DJ's", async ({ context, page }) => {
    await controlledConsole(page);
    await untilSavedForOffline(page, '/library');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await expect
      .poll(() => page.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith('spynners-pages-')).length))
      .toBe(0);
    await context.setOffline(true);
    const response = await page.goto('/library');
    expect(response?.fromServiceWorker()).toBe(true);
    await expect(page.getByRole('heading', { name: 'You’re offline' })).toBeVisible();
    await expect(page.getByTestId('signed-in-user')).toHaveCount(0);
  });

  test('a downloaded track is served offline from spynners-audio-v1, with ranges, and plays', async ({ context, page }) => {
    await controlledConsole(page);
    const [track, other] = await tracksWithAudio(page);
    expect(track && other).toBeTruthy();
    const file = await downloadTrack(page, track!.id);
    expect(file.size).toBeGreaterThan(10_000);
    expect(file.type).toBe('audio/mpeg');

    await context.setOffline(true);
    const answers = await page.evaluate(
      async ({ key, otherKey }) => {
        const probe = await fetch(key, { headers: { Range: 'bytes=0-1' } });
        const tail = await fetch(key, { headers: { Range: 'bytes=-500' } });
        const whole = await fetch(key);
        const beyond = await fetch(key, { headers: { Range: 'bytes=999999999-' } });
        const notDownloaded = await fetch(otherKey, { headers: { Range: 'bytes=0-1' } }).then(
          (r) => `answered ${r.status}`,
          () => 'network error',
        );
        return {
          probe: { status: probe.status, range: probe.headers.get('content-range'), length: probe.headers.get('content-length'), bytes: [...new Uint8Array(await probe.arrayBuffer())] },
          tail: { status: tail.status, bytes: (await tail.arrayBuffer()).byteLength },
          whole: { status: whole.status, bytes: (await whole.arrayBuffer()).byteLength },
          beyond: { status: beyond.status, range: beyond.headers.get('content-range') },
          notDownloaded,
        };
      },
      { key: audioCacheKey(track!.id), otherKey: audioCacheKey(other!.id) },
    );
    expect(answers.probe).toEqual({ status: 206, range: `bytes 0-1/${file.size}`, length: '2', bytes: expect.any(Array) });
    expect(answers.probe.bytes).toHaveLength(2);
    expect(answers.tail).toEqual({ status: 206, bytes: 500 });
    expect(answers.whole).toEqual({ status: 200, bytes: file.size });
    expect(answers.beyond).toEqual({ status: 416, range: `bytes */${file.size}` });
    expect(answers.notDownloaded).toBe('network error'); // untouched: went to the (absent) network

    const played = await page.evaluate(async (key) => {
      const audio = document.createElement('audio');
      audio.crossOrigin = 'use-credentials';
      audio.src = key;
      document.body.append(audio);
      await audio.play();
      const start = audio.currentTime;
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const end = audio.currentTime;
      audio.pause();
      return { start, end, error: audio.error?.code ?? null };
    }, audioCacheKey(track!.id));
    expect(played.error).toBeNull();
    expect(played.end - played.start).toBeGreaterThan(0.5);
  });

  test('a new version waits, shows the banner, and is never applied while audio plays', async ({ page }) => {
    await controlledConsole(page);
    const [track] = await tracksWithAudio(page);
    // A new release, as after a deploy: the server's sw.js changes (one more line), no rebuild.
    // Kept until the end of the test, so checks made after the reload see the same release.
    const original = readFileSync(SW_FILE, 'utf8');
    writeFileSync(SW_FILE, `${original}\n// e2e: the next release\n`);
    try {
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
      const banner = page.getByTestId('update-banner');
      await expect(banner).toContainText('A new version is available');
      await expect(banner.getByRole('button', { name: 'Reload' })).toBeVisible();
      expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state)).toBe('installed');

      // A track plays (streamed, not downloaded); the DJ presses Reload: nothing is applied, the banner stays.
      const streamed = page.waitForResponse((response) => response.url().endsWith(audioCacheKey(track!.id)));
      await page.evaluate(async (src) => {
        const audio = document.createElement('audio');
        audio.id = 'e2e-player';
        audio.src = src;
        document.body.append(audio);
        await audio.play();
        (window as unknown as { e2eMarker: boolean }).e2eMarker = true;
      }, audioCacheKey(track!.id));
      // The worker leaves a stream alone: an open stream through it would hold back its successor.
      expect((await streamed).fromServiceWorker()).toBe(false);
      await banner.getByRole('button', { name: 'Reload' }).click();
      await expect(banner).toHaveAttribute('data-phase', 'deferred');
      await expect(banner).toContainText('when playback stops');
      await page.waitForTimeout(2000);
      const during = await page.evaluate(async () => ({
        waiting: (await navigator.serviceWorker.getRegistration())?.waiting?.state ?? null,
        marker: (window as unknown as { e2eMarker?: boolean }).e2eMarker ?? false,
        playing: !(document.getElementById('e2e-player') as HTMLAudioElement).paused,
      }));
      expect(during).toEqual({ waiting: 'installed', marker: true, playing: true });

      // Playback stops: the new worker takes over and the console reloads into it, even in the
      // race CI hit: the active worker had stopped (idle) and a page request wakes it up just as
      // the update is applied (Chromium then left the update waiting until that worker idled out).
      await stopActiveWorker(page);
      // Within seconds, not after the old worker's idle timeout (30 s).
      const reloaded = page.waitForEvent('load', { timeout: 10_000 });
      await page.evaluate(() => {
        void fetch('/api/health', { method: 'HEAD' });
        (document.getElementById('e2e-player') as HTMLAudioElement).pause();
      });
      await reloaded;
      await expect(page.locator('[data-app-ready="true"]')).toBeVisible();
      const after = await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        return {
          waiting: registration?.waiting ?? null,
          marker: (window as unknown as { e2eMarker?: boolean }).e2eMarker ?? false,
          controller: navigator.serviceWorker.controller?.state,
        };
      });
      expect(after).toEqual({ waiting: null, marker: false, controller: 'activated' });
      await expect(page.getByTestId('update-banner')).toHaveCount(0);
    } finally {
      writeFileSync(SW_FILE, original);
    }
  });
});

test.describe('installability', () => {
  test('Chromium finds no installability error', async ({ browserName }, testInfo) => {
    // Playwright's contexts are incognito ("in-incognito" is then the only error): use a profile.
    expect(browserName).toBe('chromium');
    const profile = mkdtempSync(path.join(tmpdir(), 'spynners-install-'));
    const context = await chromium.launchPersistentContext(profile, {
      ...testInfo.project.use.launchOptions,
      baseURL: E2E.consoleUrl,
      serviceWorkers: 'allow',
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await controlledConsole(page);
      const cdp = await context.newCDPSession(page);
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      expect(installabilityErrors).toEqual([]);
      const { url, errors } = await cdp.send('Page.getAppManifest');
      expect(url).toBe(`${E2E.consoleUrl}/manifest.webmanifest`);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });

  test('the manifest names the console and its icons are the sizes they claim, one maskable', async ({ page, request }) => {
    await page.goto('/sign-in');
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    const manifest = (await (await request.get(href!)).json()) as {
      name: string; short_name: string; start_url: string; scope: string; display: string;
      theme_color: string; background_color: string;
      icons: Array<{ src: string; sizes: string; type: string; purpose: string }>;
    };
    expect(manifest).toMatchObject({
      name: 'SPYNNERS Live Console', short_name: 'SPYNNERS', start_url: '/library', scope: '/',
      display: 'standalone', theme_color: '#0b0b10', background_color: '#0b0b10',
    });
    for (const icon of manifest.icons) {
      const res = await request.get(icon.src);
      expect(res.headers()['content-type'], icon.src).toBe('image/png');
      const { width, height } = readPngSize(await res.body());
      expect(`${width}x${height}`, icon.src).toBe(icon.sizes);
    }
    expect(manifest.icons.filter((i) => i.purpose === 'any').map((i) => i.sizes).sort()).toEqual(['192x192', '512x512']);
    expect(manifest.icons.some((i) => i.purpose === 'maskable' && i.sizes === '512x512')).toBe(true);
  });

  test('iPad Safari gets the Apple web-app tags and a 180x180 apple-touch-icon', async ({ page, request }) => {
    await page.goto('/sign-in');
    const meta = (name: string) => page.locator(`meta[name="${name}"]`).getAttribute('content');
    expect(await meta('apple-mobile-web-app-capable')).toBe('yes');
    expect(await meta('apple-mobile-web-app-status-bar-style')).toBe('black-translucent');
    expect(await meta('apple-mobile-web-app-title')).toBe('SPYNNERS');
    expect(await page.locator('meta[name="viewport"]').getAttribute('content')).toContain('viewport-fit=cover');
    const icon = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
    expect(icon).toBe('/apple-touch-icon.png');
    const res = await request.get(icon!);
    expect(res.status()).toBe(200);
    const png = await res.body();
    expect(readPngSize(png)).toEqual({ width: 180, height: 180 });
    expect(png.length).toBeLessThan(16 * 1024);
  });

  test('Chromium offers an "Install app" button; dismissing it is remembered', async ({ page }) => {
    await controlledConsole(page);
    // Headless Chromium never fires beforeinstallprompt by itself: dispatch one as Chromium would.
    await page.evaluate(() => {
      const event = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
        prompt: async () => undefined,
        userChoice: Promise.resolve({ outcome: 'dismissed' }),
      });
      window.dispatchEvent(event);
    });
    const hint = page.getByTestId('install-hint');
    // Never on the first screen: only once the DJ has touched the page (a key here).
    await page.waitForTimeout(1500);
    await expect(hint).toHaveCount(0);
    await page.keyboard.press('Shift');
    await expect(hint.getByRole('button', { name: 'Install app' })).toBeVisible();
    await hint.getByRole('button', { name: 'Not now' }).click();
    await expect(hint).toHaveCount(0);
    await page.reload();
    await expect(page.locator('[data-app-ready="true"]')).toBeVisible();
    await page.evaluate(() => window.dispatchEvent(new Event('beforeinstallprompt')));
    await page.keyboard.press('Shift');
    await page.waitForTimeout(1000);
    await expect(page.getByTestId('install-hint')).toHaveCount(0);
  });
});

test.describe('install guide on iPad Safari', () => {
  test.use({
    userAgent:
      'Mozilla/5.0 (iPad; CPU OS 18_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.4 Mobile/15E148 Safari/604.1',
  });

  test('shows Share → Add to Home Screen when not standalone, and remembers a dismiss', async ({ page }) => {
    await signInThroughUi(page, E2E.demoDj, E2E.demoPassword);
    const hint = page.getByTestId('install-hint');
    await expect(page.locator('[data-app-ready="true"]')).toBeVisible();
    await page.waitForTimeout(1500);
    await expect(hint).toHaveCount(0);
    await page.keyboard.press('Shift');
    await expect(hint).toHaveAttribute('data-hint', 'apple');
    await expect(hint).toContainText('Add to Home Screen');
    await hint.getByRole('button', { name: 'Not now' }).click();
    await expect(hint).toHaveCount(0);
    await page.reload();
    await expect(page.locator('[data-app-ready="true"]')).toBeVisible();
    await page.keyboard.press('Shift');
    await page.waitForTimeout(1000);
    await expect(page.getByTestId('install-hint')).toHaveCount(0);
  });

  test('stays hidden when running from the home screen', async ({ page }) => {
    await page.addInitScript(() => Object.defineProperty(navigator, 'standalone', { value: true }));
    await signInThroughUi(page, E2E.demoDj, E2E.demoPassword);
    await expect(page.locator('[data-app-ready="true"]')).toBeVisible();
    await page.keyboard.press('Shift');
    await page.waitForTimeout(1000);
    await expect(page.getByTestId('install-hint')).toHaveCount(0);
  });
});
