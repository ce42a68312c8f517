// How long a downloaded track takes to start: `play()` → `playing` for a track served from
// `spynners-audio-v1` through the service worker (Range requests answered by lib/sw/range-response)
// versus the same bytes played from a `blob:` URL (no worker, no HTTP), in headless Chromium, with
// the network cut so the worker can only answer from its cache. Interleaved pairs, alternating
// which goes first; the median of the per-pair ratios. Goal from issue #5: at most 1.2x.
import { AUDIO_CACHE_NAME, audioCacheKey } from '../../lib/pwa/audio-cache';
import { median } from './support/stats';
import { signedInConsole } from './support/pwa-browser';

const WARM_UP = 2;
const PAIRS = 11;
const GOAL_RATIO = 1.2;

async function main() {
  const console_ = await signedInConsole();
  try {
    const page = await console_.context.newPage();
    await page.goto('/library');
    await page.locator('[data-app-ready="true"]').first().waitFor({ timeout: 60_000 });
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    const track = await page.evaluate(
      async ({ cacheName, prefix }) => {
        const list = await (await fetch('/api/tracks?pageSize=10', { headers: { accept: 'application/json' } })).json();
        const { id } = (list.items as Array<{ id: string; audioUrl: string | null }>).find((t) => t.audioUrl)!;
        const key = `${prefix}${id}/audio`;
        const blob = await (await fetch(key)).blob();
        const copy = new Response(blob, { headers: { 'content-type': blob.type || 'audio/mpeg', 'content-length': String(blob.size) } });
        await (await caches.open(cacheName)).put(key, copy);
        (window as unknown as { benchBlob: Blob }).benchBlob = blob;
        // A fresh element each time; resolves with the ms from play() to 'playing'.
        (window as unknown as { startTime: (src: string) => Promise<number> }).startTime = async (src) => {
          const audio = new Audio();
          audio.src = src;
          const playing = new Promise((resolve, reject) => {
            audio.addEventListener('playing', resolve, { once: true });
            audio.addEventListener('error', () => reject(new Error(`media error ${audio.error?.code}`)), { once: true });
          });
          const start = performance.now();
          await audio.play();
          await playing;
          const elapsed = performance.now() - start;
          audio.pause();
          audio.removeAttribute('src');
          audio.load();
          return elapsed;
        };
        return { id, key, size: blob.size, type: blob.type };
      },
      { cacheName: AUDIO_CACHE_NAME, prefix: '/api/tracks/' },
    );
    if (track.key !== audioCacheKey(track.id)) throw new Error('the audio cache key changed');

    let fromWorker = 0;
    let partial = 0;
    page.on('response', (response) => {
      if (!response.url().includes('/audio')) return;
      if (response.fromServiceWorker()) fromWorker += 1;
      if (response.status() === 206) partial += 1;
    });
    await console_.context.setOffline(true);

    let n = 0;
    const viaWorker = () => page.evaluate((src) => (window as unknown as { startTime: (s: string) => Promise<number> }).startTime(src), `${track.key}?n=${n++}`);
    const viaBlob = () =>
      page.evaluate(async () => {
        const w = window as unknown as { startTime: (s: string) => Promise<number>; benchBlob: Blob };
        const url = URL.createObjectURL(w.benchBlob);
        try {
          return await w.startTime(url);
        } finally {
          URL.revokeObjectURL(url);
        }
      });

    for (let i = 0; i < WARM_UP; i += 1) {
      await viaWorker();
      await viaBlob();
    }
    const worker: number[] = [];
    const blob: number[] = [];
    const ratios: number[] = [];
    for (let i = 0; i < PAIRS; i += 1) {
      const workerFirst = i % 2 === 0;
      const a = workerFirst ? await viaWorker() : await viaBlob();
      const b = workerFirst ? await viaBlob() : await viaWorker();
      const [w, bl] = workerFirst ? [a, b] : [b, a];
      worker.push(w);
      blob.push(bl);
      ratios.push(w / bl);
    }
    const ratio = median(ratios);
    console.log(`\ntrack ${track.id}: ${(track.size / 1024).toFixed(0)} KiB ${track.type}; network cut`);
    console.log(`audio responses from the worker: ${fromWorker} (${partial} of them 206)`);
    console.log(`play() → playing, median of ${PAIRS} interleaved pairs:`);
    console.log(`  cached through the worker: ${median(worker).toFixed(1)} ms  (all: ${worker.map((t) => t.toFixed(0)).join(' ')})`);
    console.log(`  same bytes from a blob: URL: ${median(blob).toFixed(1)} ms  (all: ${blob.map((t) => t.toFixed(0)).join(' ')})`);
    console.log(`median ratio worker / blob: ${ratio.toFixed(2)}x (goal ≤ ${GOAL_RATIO}x): ${ratio <= GOAL_RATIO ? 'goal met' : 'goal NOT met'}`);
    if (fromWorker === 0) throw new Error('no audio response came from the worker: the measurement is void');
  } finally {
    await console_.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
