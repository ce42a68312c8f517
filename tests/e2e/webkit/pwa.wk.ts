// The offline console in WebKit (the engine of iPad Safari): the worker controls the console, a
// reload with the server unreachable comes from the worker, and a downloaded track plays after a
// real click. Everything goes through `net` (a forwarder): the worker's origin is its port.
import { AUDIO_CACHE_NAME, audioCacheKey } from '@/lib/pwa/audio-cache';
import { E2E } from '../support/servers';
import { expect, runInPage, test, waitInPage } from '../support/webkit-net';

test('WebKitGTK: the worker serves the console and a downloaded track with the server unreachable', async ({ wk, net }) => {
  await wk.url(`${net.baseURL}/sign-in`);
  await (await wk.$('input[name="email"]')).setValue(E2E.demoDj);
  await (await wk.$('input[name="password"]')).setValue(E2E.demoPassword);
  await (await wk.$('button[type="submit"]')).click();
  await waitInPage(wk, `location.pathname === '/library'`);
  await waitInPage(wk, `document.querySelectorAll('[data-testid="track-row"]').length > 0`, 30_000);

  // Controlled after a reload.
  await runInPage(wk, 'await navigator.serviceWorker.ready;');
  await wk.refresh();
  await waitInPage(wk, `navigator.serviceWorker.controller !== null && document.querySelector('[data-app-ready="true"]') !== null`, 30_000);
  const firstTitle = await wk.execute(() => document.querySelector('[data-testid="track-title"]')?.textContent ?? '');
  expect(firstTitle.length).toBeGreaterThan(0);

  // Download a track as a DJ does: its page's "Make available offline" (the download manager
  // owns the audio cache; every console start removes files none of the member's downloads lists).
  const track = await runInPage<{ id: string }>(
    wk,
    `const res = await fetch('/api/tracks?pageSize=10', { headers: { accept: 'application/json' } });
     const track = (await res.json()).items.find((t) => t.audioUrl && !t.isVip);
     return { id: track.id };`,
  );
  await wk.url(`${net.baseURL}/tracks/${track.id}`);
  await waitInPage(wk, `document.querySelector('[data-testid="download-track"]') !== null`, 30_000);
  await (await wk.$('[data-testid="download-track"]')).click();
  await waitInPage(wk, `document.querySelector('[data-testid="download-state"]')?.getAttribute('data-state') === 'offline'`, 30_000);
  const size = await runInPage<number>(
    wk,
    `const copy = await (await caches.open(args.cacheName)).match(args.key);
     return copy ? (await copy.blob()).size : 0;`,
    { cacheName: AUDIO_CACHE_NAME, key: audioCacheKey(track.id) },
  );
  expect(size).toBeGreaterThan(10_000);
  await wk.url(`${net.baseURL}/library`);
  await waitInPage(wk, `document.querySelector('[data-app-ready="true"]') !== null && document.querySelectorAll('[data-testid="track-row"]').length > 0`, 30_000);

  // The worker has this page and IndexedDB the query cache, before the network goes.
  await wk.waitUntil(
    () =>
      runInPage<boolean>(
        wk,
        `for (const name of await caches.keys()) {
           if (name.startsWith('spynners-pages-') && (await (await caches.open(name)).match('/library', { ignoreVary: true }))) return true;
         }
         return false;`,
      ),
    { timeout: 20_000, interval: 200, timeoutMsg: 'the worker never cached /library' },
  );
  await wk.waitUntil(
    () =>
      runInPage<boolean>(
        wk,
        `return await new Promise((resolve) => {
           const open = indexedDB.open('spynners-console');
           open.onerror = () => resolve(false);
           open.onsuccess = () => {
             const db = open.result;
             if (!db.objectStoreNames.contains('queryCache')) return resolve(false);
             const count = db.transaction('queryCache').objectStore('queryCache').count();
             count.onsuccess = () => resolve(count.result > 0);
             count.onerror = () => resolve(false);
           };
         });`,
      ),
    { timeout: 20_000, interval: 200, timeoutMsg: 'the query cache was never persisted' },
  );

  net.setOffline(true);
  await wk.refresh();
  await waitInPage(wk, `document.querySelectorAll('[data-testid="track-row"]').length > 0`, 30_000);
  const offline = await wk.execute(() => ({
    user: document.querySelector('[data-testid="signed-in-user"]')?.textContent ?? '',
    firstTitle: document.querySelector('[data-testid="track-title"]')?.textContent ?? '',
    controlled: navigator.serviceWorker.controller !== null,
  }));
  expect(offline).toEqual({ user: expect.stringContaining('DJ Nova'), firstTitle, controlled: true });
  // The server really is unreachable: a request the worker does not answer fails.
  const probe = await runInPage<string>(wk, `return fetch('/api/health', { method: 'HEAD', cache: 'no-store' }).then((r) => 'answered ' + r.status, () => 'unreachable');`);
  expect(probe).toBe('unreachable');

  // The bare address opens the start screen from the worker's copy (lib/sw/README.md).
  await wk.url(`${net.baseURL}/`);
  await waitInPage(wk, `location.pathname === '/library' && document.querySelectorAll('[data-testid="track-row"]').length > 0`, 30_000);

  // A downloaded track plays offline after a real click (WebKit wants a user gesture).
  await runInPage(
    wk,
    `const audio = document.createElement('audio');
     audio.id = 'wk-player';
     audio.crossOrigin = 'use-credentials';
     audio.src = args.src;
     const button = document.createElement('button');
     button.id = 'wk-play';
     button.textContent = 'Play';
     button.style.cssText = 'position:fixed;top:80px;left:20px;z-index:1000;padding:20px';
     button.onclick = () => audio.play().catch((e) => (window.__playError = String(e)));
     document.body.append(audio, button);`,
    { src: audioCacheKey(track.id) },
  );
  await (await wk.$('#wk-play')).click();
  await waitInPage(wk, `(document.getElementById('wk-player')?.currentTime ?? 0) > 0.5 || window.__playError !== undefined`, 20_000);
  // No `error` key in what execute returns: WebDriver clients take such an object for a protocol error.
  const playback = await wk.execute(() => ({
    playError: (window as unknown as { __playError?: string }).__playError ?? null,
    mediaError: (document.getElementById('wk-player') as HTMLAudioElement).error?.code ?? null,
    time: (document.getElementById('wk-player') as HTMLAudioElement).currentTime,
  }));
  expect(playback.playError).toBeNull();
  expect(playback.mediaError).toBeNull();
  expect(playback.time).toBeGreaterThan(0.5);
});
