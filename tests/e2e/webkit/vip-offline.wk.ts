// WebKitGTK (the engine of iPad Safari): a downloaded track survives the server going away. The
// console is opened through a TCP forwarder; once a track is offline the forwarder refuses every
// connection, the console reloads from the service worker, and the track plays after a real click.
import { E2E } from '../support/servers';
import { expect, runInPage, test, waitInPage } from '../support/webkit-net';

test('WebKitGTK: a downloaded track plays after a reload with the server unreachable', async ({ wk, net }) => {
  await wk.url(`${net.baseURL}/sign-in`);
  await (await wk.$('input[name="email"]')).setValue(E2E.demoDj);
  await (await wk.$('input[name="password"]')).setValue(E2E.demoPassword);
  await (await wk.$('button[type="submit"]')).click();
  await waitInPage(wk, `location.pathname === '/library'`);
  await waitInPage(wk, `document.querySelector('[data-app-ready="true"]') !== null`, 30_000);

  // Controlled by the worker (first visit: it activates, then the reload goes through it).
  await runInPage(wk, `await navigator.serviceWorker.ready;`);
  await wk.refresh();
  await waitInPage(wk, `navigator.serviceWorker.controller !== null && document.querySelector('[data-app-ready="true"]') !== null`, 30_000);

  // The DJ's unlocked VIP track (seeded: no diamond spent): keep it offline from its page.
  const track = await runInPage<{ id: string; title: string }>(
    wk,
    `const vip = await (await fetch('/api/vip')).json();
     const track = vip.tracks.find((t) => vip.unlockedTrackIds.includes(t.id) && t.audioUrl);
     if (!track) throw new Error('no unlocked VIP track');
     return { id: track.id, title: track.title };`,
  );
  await wk.url(`${net.baseURL}/tracks/${track.id}`);
  await waitInPage(wk, `document.querySelector('[data-testid="download-track"]') !== null`, 30_000);
  // Unlocked: the full player, no preview limit.
  expect(await wk.execute(() => document.querySelector('[data-testid="track-audio"]')?.getAttribute('data-locked'))).toBe('false');
  await (await wk.$('[data-testid="download-track"]')).click();
  await waitInPage(wk, `document.querySelector('[data-testid="offline-badge"]') !== null`, 60_000);
  const cached = await runInPage<number>(
    wk,
    `const res = await (await caches.open('spynners-audio-v1')).match('/api/tracks/' + args + '/audio');
     return res ? res.status : 0;`,
    track.id,
  );
  expect(cached).toBe(200);

  // The Downloads page lists it; let the worker keep its shell.
  await wk.url(`${net.baseURL}/downloads`);
  await waitInPage(wk, `document.querySelector('[data-testid="offline-track"][data-track-id="${track.id}"]') !== null`, 30_000);
  await wk.waitUntil(
    async () =>
      runInPage<boolean>(
        wk,
        `for (const name of (await caches.keys()).filter((n) => n.startsWith('spynners-pages-'))) {
           if (await (await caches.open(name)).match('/downloads', { ignoreVary: true })) return true;
         }
         return false;`,
      ),
    { timeout: 15_000, interval: 200, timeoutMsg: 'the worker never cached /downloads' },
  );

  // The server goes away; the console reloads from the worker and still lists the track.
  net.setOffline(true);
  await wk.refresh();
  await waitInPage(wk, `document.querySelector('[data-testid="offline-track"][data-track-id="${track.id}"]') !== null`, 30_000);
  const probe = await runInPage<string>(wk, `return fetch('/api/health', { method: 'HEAD' }).then((r) => 'answered ' + r.status, () => 'unreachable');`);
  expect(probe).toBe('unreachable');

  // A real click (WebKit, like iPad Safari, plays only on a user gesture), then time advances.
  await (await wk.$(`button[aria-label="Play ${track.title.replace(/"/g, '\\"')}"]`)).click();
  // It plays through the shared player (the mini player), not an element of the page's own.
  await waitInPage(wk, `document.querySelector('[data-testid="mini-player"]')?.getAttribute('data-track-id') === ${JSON.stringify(track.id)}`);
  await waitInPage(wk, `Number(document.querySelector('[data-testid="mini-player"]')?.getAttribute('data-position')) > 0.5`, 20_000);
  const state = await wk.execute(() => ({
    playing: document.querySelector('[data-testid="mini-player"]')?.getAttribute('data-playing'),
    // Not `error`: webdriverio reads a returned object with an `error` key as a WebDriver error.
    miniError: document.querySelector('[data-testid="mini-error"]')?.textContent ?? null,
    audioElements: document.querySelectorAll('audio').length,
  }));
  expect(state).toEqual({ playing: 'true', miniError: null, audioElements: 0 });
  net.setOffline(false);
});
