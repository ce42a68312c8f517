// What the proxy costs: GET /api/tracks through the route handler (session check, zod, adapter,
// wire parsing, mapping) versus the same query sent straight to the embedded backend, in one run.
// Goal from issue #3: under 2 ms at p50 and at least half the direct throughput.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedServer } from '../../lib/embedded-base44';
import { ensureBuild, freePort, signIn, startConsole } from './support/console-server';
import { formatMs, median, percentile, throughput, timeEach } from './support/stats';

const ROUNDS = 5;
const REQUESTS_PER_ROUND = 100;
const APP_ID = 'spynners-local';

async function main() {
  ensureBuild();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'spynners-bench-proxy-'));
  const backend = await startEmbeddedServer({ dataDir, appId: APP_ID, port: await freePort(), baseUrl: '' });
  const console_ = await startConsole({ BASE44_SERVER_URL: backend.url, BASE44_APP_ID: APP_ID, SPYNNERS_DATA_DIR: dataDir, NEXTAUTH_SECRET: 'bench-secret-0123456789abcdefghijklmnopqrstuv' });
  try {
    const cookie = await signIn(console_.url, 'dj@spynners.local', 'spynners');
    const login = await fetch(`${backend.url}/api/apps/${APP_ID}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'dj@spynners.local', password: 'spynners' }),
    });
    const { access_token: token } = (await login.json()) as { access_token: string };

    const viaProxy = async () => {
      const res = await fetch(`${console_.url}/api/tracks?genre=Techno&pageSize=50`, { headers: { cookie } });
      if (!res.ok) throw new Error(`proxy answered ${res.status}`);
      await res.arrayBuffer();
    };
    const q = encodeURIComponent(JSON.stringify({ status: 'approved', genre: 'Techno' }));
    const direct = async () => {
      const res = await fetch(`${backend.url}/api/apps/${APP_ID}/entities/Track?sort=-created_date&limit=50&skip=0&q=${q}`, {
        headers: { authorization: `Bearer ${token}`, 'x-app-id': APP_ID },
      });
      if (!res.ok) throw new Error(`backend answered ${res.status}`);
      await res.arrayBuffer();
    };

    await timeEach(30, viaProxy); // warm-up: route compilation caches, JIT, the catalogue cache
    await timeEach(30, direct);
    const proxySamples: number[] = [];
    const directSamples: number[] = [];
    const p50Ratios: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const first = round % 2 === 0 ? viaProxy : direct;
      const a = await timeEach(REQUESTS_PER_ROUND, first);
      const b = await timeEach(REQUESTS_PER_ROUND, first === viaProxy ? direct : viaProxy);
      const [p, d] = first === viaProxy ? [a, b] : [b, a];
      proxySamples.push(...p);
      directSamples.push(...d);
      p50Ratios.push(median(p) / median(d));
    }
    const proxyRps = await throughput(8, 50, viaProxy);
    const directRps = await throughput(8, 50, direct);

    console.log('\nProxy overhead: GET /api/tracks (route handler) vs the same list query straight to the backend');
    console.table({
      'through the proxy': { p50: formatMs(median(proxySamples)), p99: formatMs(percentile(proxySamples, 99)), 'req/s (8 clients)': proxyRps.toFixed(0) },
      'straight to backend': { p50: formatMs(median(directSamples)), p99: formatMs(percentile(directSamples, 99)), 'req/s (8 clients)': directRps.toFixed(0) },
    });
    const overhead = median(proxySamples) - median(directSamples);
    console.log(`p50 overhead: ${formatMs(overhead)} (goal < 2 ms); median of per-round p50 ratios: ${median(p50Ratios).toFixed(2)}x`);
    console.log(`throughput ratio proxy/direct: ${(proxyRps / directRps).toFixed(2)} (goal >= 0.5)`);
  } finally {
    console_.stop();
    await backend.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
