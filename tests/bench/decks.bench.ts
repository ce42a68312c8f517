// The decks (issue #6), in headless Chromium against the production console:
// 1. Play tap → playing for a cached (downloaded) track: a deck's play button (howler element →
//    Web Audio gain → speakers) versus a bare `new Audio()` on the same cached URL (the baseline),
//    interleaved pairs, each from a freshly loaded track.
// 2. Long tasks (> 50 ms) on the main thread with the CPU throttled 4x (CDP
//    Emulation.setCPUThrottlingRate): loading a 6-minute track on deck A (its waveform computed from
//    scratch), playing it, loading and playing deck B, and sweeping the crossfader; versus the same
//    page left idle for as long (baseline). Goal: zero.
// The 6-minute MP3 is synthesised at run time (never committed) and stored as the downloaded copy
// of a demo track, so the service worker serves it with byte ranges from Cache Storage.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { encodeLoopedMp3 } from '../../lib/embedded-base44/seed/mp3';
import { synthesizeLoop } from '../../lib/embedded-base44/seed/synth';
import { AUDIO_CACHE_NAME, AUDIO_CHANGED_MESSAGE } from '../../lib/pwa/audio-cache';
import { median } from './support/stats';
import { signedInConsole } from './support/pwa-browser';

const PAIRS = 7;
const LONG_TRACK_SECONDS = 360;
const CPU_SLOWDOWN = 4;

type Win = Window & { longTasks: Array<[number, number]>; tapToPlaying: (deck: string) => Promise<number>; bareStart: (src: string) => Promise<number> };

async function main() {
  const fixture = await encodeLoopedMp3(synthesizeLoop({ bpm: 126, camelotKey: '8A', genre: 'Techno', seed: 66 }).samples, LONG_TRACK_SECONDS, { TIT2: 'Bench 6 min' });
  const console_ = await signedInConsole();
  try {
    const page = await console_.context.newPage();
    // An iPad Pro in portrait: decks, mixer and the first rows of the track list on one screen.
    await page.setViewportSize({ width: 1024, height: 1366 });
    await page.goto('/library');
    await page.locator('[data-app-ready="true"]').first().waitFor({ timeout: 60_000 });
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.goto('/console');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null && document.querySelector('[data-decks][data-app-ready="true"]'));
    await page.getByTestId('deck-track').nth(3).waitFor();

    // Two demo tracks "downloaded": the first with the 6-minute fixture as its audio. A download is
    // a file in the audio cache AND the DJ's offlineTracks row (the owner rule removes files no row
    // lists at every console start), then AUDIO_CHANGED so the worker re-reads its index.
    const rows = page.getByTestId('deck-track');
    const titles = [(await rows.nth(0).locator('strong').textContent())!, (await rows.nth(1).locator('strong').textContent())!];
    const ids = await page.evaluate(async ({ cacheName, changed, fixtureBytes, titles: wanted }) => {
      const catalogue = (await (await fetch('/api/catalogue')).json()) as { tracks: Array<{ id: string; title: string }> };
      const found = wanted.map((title) => catalogue.tracks.find((t) => t.title === title)!);
      const session = (await (await fetch('/api/auth/session')).json()) as { user: { id: string } };
      const cache = await caches.open(cacheName);
      const long = Uint8Array.from(atob(fixtureBytes), (c) => c.charCodeAt(0));
      const other = new Uint8Array(await (await fetch(`/api/tracks/${found[1]!.id}/audio`)).arrayBuffer());
      const files = [long, other];
      const open = indexedDB.open('spynners-console');
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const [i, track] of found.entries()) {
        const bytes = files[i]!;
        await cache.put(`/api/tracks/${track.id}/audio`, new Response(bytes, { headers: { 'content-type': 'audio/mpeg', 'content-length': String(bytes.length) } }));
        await new Promise((resolve, reject) => {
          const tx = db.transaction('offlineTracks', 'readwrite');
          tx.objectStore('offlineTracks').put({ userId: session.user.id, trackId: track.id, track, audioBytes: bytes.length, audioType: 'audio/mpeg', artworkBytes: 0, downloadedAt: Date.now() });
          tx.oncomplete = resolve;
          tx.onerror = () => reject(tx.error);
        });
      }
      db.close();
      (await navigator.serviceWorker.ready).active!.postMessage({ type: changed });
      return found.map((t) => t.id);
    }, { cacheName: AUDIO_CACHE_NAME, changed: AUDIO_CHANGED_MESSAGE, fixtureBytes: Buffer.from(fixture.bytes).toString('base64'), titles });
    await page.waitForTimeout(500); // the worker re-reads its index

    await page.evaluate(() => {
      const w = window as unknown as Win;
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longTasks.push([entry.startTime, entry.duration]);
      }).observe({ type: 'longtask' });
      // From the play button's click to the deck saying it plays (howler's `play` event).
      w.tapToPlaying = (deck) =>
        new Promise((resolve) => {
          const element = document.querySelector(`[data-testid="deck-${deck}"]`)!;
          const button = document.querySelector<HTMLButtonElement>(`[data-testid="deck-${deck}-play"]`)!;
          let start = 0;
          const observer = new MutationObserver(() => {
            if (element.getAttribute('data-playing') !== 'true') return;
            observer.disconnect();
            resolve(performance.now() - start);
          });
          observer.observe(element, { attributes: true, attributeFilter: ['data-playing'] });
          start = performance.now();
          button.click();
        });
      w.bareStart = async (src) => {
        const audio = new Audio(src);
        await new Promise((r) => audio.addEventListener('canplay', r, { once: true }));
        const playing = new Promise((r) => audio.addEventListener('playing', r, { once: true }));
        const start = performance.now();
        await audio.play();
        await playing;
        const elapsed = performance.now() - start;
        audio.pause();
        audio.removeAttribute('src');
        audio.load();
        return elapsed;
      };
    });
    await console_.context.setOffline(true);

    // 1. Tap → playing, deck versus a bare element, both loaded first, from the worker's cache.
    const loadDeckA = async (index: number) => {
      await rows.nth(index).getByTestId('load-A').click();
      await page.waitForFunction((id) => {
        const deck = document.querySelector('[data-testid="deck-A"]');
        return deck !== null && deck.getAttribute('data-track-id') === id && deck.getAttribute('data-status') === 'ready';
      }, ids[index]);
    };
    const deckTimes: number[] = [];
    const bareTimes: number[] = [];
    const ratios: number[] = [];
    for (let i = 0; i < PAIRS + 1; i += 1) {
      await loadDeckA(1);
      const deck = await page.evaluate(() => (window as unknown as Win).tapToPlaying('A'));
      await page.getByTestId('deck-A-play').click();
      const bare = await page.evaluate((src) => (window as unknown as Win).bareStart(src), `/api/tracks/${ids[1]}/audio`);
      await loadDeckA(0); // another track in between: the next load is a fresh element
      if (i === 0) continue; // warm-up
      deckTimes.push(deck);
      bareTimes.push(bare);
      ratios.push(deck / bare);
    }

    // 2. Long tasks with the CPU throttled.
    const cdp = await console_.context.newCDPSession(page);
    await page.evaluate(async (id) => {
      const open = indexedDB.open('spynners-console');
      await new Promise((resolve, reject) => {
        open.onsuccess = () => {
          const tx = open.result.transaction('waveforms', 'readwrite');
          tx.objectStore('waveforms').delete(id!);
          tx.oncomplete = resolve;
          tx.onerror = reject;
        };
        open.onerror = reject;
      });
    }, ids[0]);
    await page.reload();
    await page.waitForFunction(() => document.querySelector('[data-decks][data-app-ready="true"]'));
    await page.getByTestId('deck-track').nth(1).waitFor();
    await page.evaluate(() => {
      const w = window as unknown as Win;
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longTasks.push([entry.startTime, entry.duration]);
      }).observe({ type: 'longtask' });
    });
    // The window measures the console, not the test driver: taps are raw input events at points
    // measured beforehand (a locator's click runs Playwright's hit-target checks inside the page's
    // event handlers), waits poll by timer (not requestAnimationFrame, which forces style and
    // layout every frame), and the reloaded-away document's heap is collected before it starts.
    const centre = async (testId: string, nth = 0) => {
      const box = (await page.getByTestId(testId).nth(nth).boundingBox())!;
      return { x: box.x + box.width / 2, y: box.y + box.height / 2, box };
    };
    const rowTop = async (index: number, deck: 'A' | 'B') => {
      const box = (await rows.nth(index).getByTestId(`load-${deck}`).boundingBox())!;
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    };
    await page.evaluate(() => window.scrollTo(0, 0));
    const loadA = await rowTop(0, 'A');
    const loadB = await rowTop(1, 'B');
    const playA = await centre('deck-A-play');
    const playB = await centre('deck-B-play');
    const fader = (await centre('crossfader')).box;
    if ([loadA, loadB].some((p) => p.y > (page.viewportSize()?.height ?? 720))) throw new Error('load buttons off screen');
    const poll = { polling: 50, timeout: 60_000 };
    // DECKS_TRACE=file.json: a Chrome trace of both windows, to see what a long task was.
    const tracePath = process.env.DECKS_TRACE;
    if (tracePath) {
      await console_.browser.startTracing(page, {
        path: tracePath,
        categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink', 'blink.user_timing', 'disabled-by-default-v8.gc', 'disabled-by-default-v8.cpu_profiler'],
      });
    }
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.waitForTimeout(200);
    // Main-thread busy time (Chromium's cumulative TaskDuration): what the long-task count hides,
    // the work below 50 ms, to compare runs and variants on a continuous scale.
    await cdp.send('Performance.enable');
    const taskSeconds = async () => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0);
    const busyStart = await taskSeconds();
    const t0 = Date.now();
    const pageT0 = await page.evaluate(() => performance.now());
    const marks: Array<[string, number]> = [];
    const mark = async (what: string) => marks.push([what, Math.round((await page.evaluate(() => performance.now())) - pageT0)]);
    // A tap as a finger makes one: the pointer arrives, then touches for ~60 ms and lifts (a click
    // with no contact time delivers move, down, up and click in one input task: no hand does that).
    const tap = async (point: { x: number; y: number }) => {
      await page.mouse.move(point.x, point.y);
      await page.waitForTimeout(100);
      await page.mouse.down();
      await page.waitForTimeout(60);
      await page.mouse.up();
    };
    await tap(loadA);
    await mark('load A');
    await page.waitForFunction(() => document.querySelector('[data-testid="deck-A"]')?.getAttribute('data-status') === 'ready', undefined, poll);
    await tap(playA);
    await page.waitForFunction(() => document.querySelector('[data-testid="deck-A"]')?.getAttribute('data-playing') === 'true', undefined, poll);
    await mark('A playing');
    await tap(loadB);
    await page.waitForFunction(() => document.querySelector('[data-testid="deck-B"]')?.getAttribute('data-status') === 'ready', undefined, poll);
    await tap(playB);
    await mark('B play, crossfader sweep');
    // A finger dragging the crossfader from one end to the other over two seconds.
    const y = fader.y + fader.height / 2;
    await page.mouse.move(fader.x + 2, y);
    await page.mouse.down();
    for (let step = 0; step <= 20; step += 1) {
      await page.mouse.move(fader.x + 2 + ((fader.width - 4) * step) / 20, y);
      await page.waitForTimeout(100);
    }
    await page.mouse.up();
    await page.waitForFunction(() => document.querySelector('[data-testid="waveform-A"]')?.getAttribute('data-status') === 'ready', undefined, { polling: 100, timeout: 120_000 });
    await mark('waveform A ready');
    const busyMs = Date.now() - t0;
    const busyTaskMs = Math.round(((await taskSeconds()) - busyStart) * 1000);
    const busyEntries = await page.evaluate(() => (window as unknown as Win).longTasks.splice(0));
    const busy = busyEntries.map(([, d]) => d);
    const busyAt = busyEntries.map(([start, d]) => `${Math.round(d)} ms at +${Math.round(start - pageT0)} ms`);
    const positions = await page.evaluate(() => ['A', 'B'].map((d) => Number(document.querySelector(`[data-testid="deck-${d}"]`)?.getAttribute('data-position'))));
    // Baseline: the same page, decks paused, for as long.
    await tap(playA);
    await tap(playB);
    const idleStart = await taskSeconds();
    await page.waitForTimeout(busyMs);
    const idleTaskMs = Math.round(((await taskSeconds()) - idleStart) * 1000);
    const idle = (await page.evaluate(() => (window as unknown as Win).longTasks.splice(0))).map(([, d]) => d);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    if (tracePath) await console_.browser.stopTracing();

    const result = {
      when: new Date().toISOString(),
      machine: 'headless Chromium (Debian), 2 shared cores',
      tapToPlaying: {
        pairs: PAIRS,
        deckMedianMs: Number(median(deckTimes).toFixed(1)),
        bareElementMedianMs: Number(median(bareTimes).toFixed(1)),
        medianRatio: Number(median(ratios).toFixed(2)),
        deckMs: deckTimes.map((t) => Math.round(t)),
        bareMs: bareTimes.map((t) => Math.round(t)),
      },
      longTasks: {
        cpuSlowdown: CPU_SLOWDOWN,
        trackSeconds: LONG_TRACK_SECONDS,
        trackBytes: fixture.bytes.length,
        windowMs: busyMs,
        loadPlayCrossfade: { at: busyAt, marks, mainThreadBusyMs: busyTaskMs, count: busy.length, longestMs: Math.round(Math.max(0, ...busy)), totalMs: Math.round(busy.reduce((a, b) => a + b, 0)) },
        idleBaseline: { mainThreadBusyMs: idleTaskMs, count: idle.length, longestMs: Math.round(Math.max(0, ...idle)) },
        deckPositionsAtEnd: positions,
      },
    };
    console.log(`\nplay tap → playing, cached track, median of ${PAIRS} pairs (network cut):`);
    console.log(`  deck (howler → Web Audio gain): ${result.tapToPlaying.deckMedianMs} ms  (all: ${result.tapToPlaying.deckMs.join(' ')})`);
    console.log(`  bare <audio> on the same URL:   ${result.tapToPlaying.bareElementMedianMs} ms  (all: ${result.tapToPlaying.bareMs.join(' ')})`);
    console.log(`  median ratio deck / bare: ${result.tapToPlaying.medianRatio}x`);
    console.log(`\nlong tasks > 50 ms, CPU ${CPU_SLOWDOWN}x slower, ${(fixture.bytes.length / 1024).toFixed(0)} KiB ${LONG_TRACK_SECONDS / 60}-minute MP3 (waveform computed), over ${busyMs} ms:`);
    console.log(`  load + play + load + play + crossfade sweep: ${busy.length} (longest ${result.longTasks.loadPlayCrossfade.longestMs} ms)  goal 0: ${busy.length === 0 ? 'met' : 'NOT met'}`);
    console.log(`    long tasks: ${busyAt.join(', ') || 'none'}; steps: ${marks.map(([w, t]) => `${w} +${t} ms`).join(', ')}`);
    console.log(`  idle page, same time (baseline): ${idle.length} (longest ${result.longTasks.idleBaseline.longestMs} ms)`);
    console.log(`  main thread busy (all tasks, throttled): ${busyTaskMs} ms in the busy window, ${idleTaskMs} ms idle`);
    console.log(`  deck positions at the end: A ${positions[0]} s, B ${positions[1]} s`);
    const dir = path.join(__dirname, 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'decks.json'), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await console_.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
