// What the proxy costs: GET /api/tracks through the route handler (session, zod, adapter, wire
// parsing, mapping, catalogue cache) versus the same Base44 calls sent straight to the embedded
// backend, in one run. Goal from issue #3: under 2 ms at p50, at least half the direct throughput.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { trackListParams } from '../../lib/base44/track-filter';
import { trackListQuerySchema } from '../../lib/domain/track-query';
import { ensureBuild, signIn, startBackendProcess, startConsole } from './support/console-server';
import { formatMs, median, percentile, throughput, timeEach } from './support/stats';

const ROUNDS = 6;
const REQUESTS_PER_ROUND = 80;
const APP_ID = 'spynners-local';

interface Scenario {
  name: string;
  /** The console URL query for request i. */
  query: (i: number) => Record<string, string>;
}

const SCENARIOS: Scenario[] = [
  // What DJs mostly do: the same popular page, served from the proxy's catalogue cache.
  { name: 'same page (cached by the proxy)', query: () => ({ genre: 'Techno', pageSize: '50' }) },
  // Worst case: every request is new, so the proxy calls Base44 (list + count) each time.
  { name: 'new search each time (uncached)', query: (i) => ({ search: `zz${i}q`, pageSize: '50' }) },
];

async function main() {
  ensureBuild();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'spynners-bench-proxy-'));
  const backend = await startBackendProcess({ dataDir: path.join(dataDir, 'base44'), appId: APP_ID });
  const app = await startConsole({
    BASE44_SERVER_URL: backend.url,
    BASE44_APP_ID: APP_ID,
    SPYNNERS_DATA_DIR: path.join(dataDir, 'console'),
    NEXTAUTH_SECRET: 'bench-secret-0123456789abcdefghijklmnopqrstuv',
  });
  try {
    const cookie = await signIn(app.url, 'dj@spynners.local', 'spynners');
    const login = await fetch(`${backend.url}/api/apps/${APP_ID}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'dj@spynners.local', password: 'spynners' }),
    });
    const { access_token: token } = (await login.json()) as { access_token: string };
    const upstreamHeaders = { authorization: `Bearer ${token}`, 'x-app-id': APP_ID };

    for (const scenario of SCENARIOS) {
      let offset = 0;
      const viaProxy = async (i: number) => {
        const res = await fetch(`${app.url}/api/tracks?${new URLSearchParams(scenario.query(offset + i))}`, { headers: { cookie } });
        if (!res.ok) throw new Error(`proxy answered ${res.status}`);
        await res.arrayBuffer();
      };
      const direct = async (i: number) => {
        const params = trackListParams(trackListQuerySchema.parse(scenario.query(offset + i)));
        const base = `${backend.url}/api/apps/${APP_ID}/entities/Track`;
        const list = new URLSearchParams({ sort: params.sort, limit: String(params.limit), skip: String(params.skip), q: params.q });
        const [rows, count] = await Promise.all([
          fetch(`${base}?${list}`, { headers: upstreamHeaders }),
          fetch(`${base}/count?${new URLSearchParams({ q: params.q })}`, { headers: upstreamHeaders }),
        ]);
        if (!rows.ok || !count.ok) throw new Error(`backend answered ${rows.status}/${count.status}`);
        await Promise.all([rows.arrayBuffer(), count.arrayBuffer()]);
      };

      // Next's own floor on this machine: a route with no session, no upstream and no body.
      const floor = async () => {
        const res = await fetch(`${app.url}/api/health`, { method: 'HEAD' });
        if (res.status !== 204) throw new Error(`health answered ${res.status}`);
      };
      await timeEach(20, viaProxy); // warm-up: JIT, route modules, and the cache for the cached case
      await timeEach(20, direct);
      await timeEach(20, floor);
      const proxySamples: number[] = [];
      const directSamples: number[] = [];
      const floorSamples: number[] = [];
      const ratios: number[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        offset += 1000;
        const proxyFirst = round % 2 === 0;
        const a = await timeEach(REQUESTS_PER_ROUND, proxyFirst ? viaProxy : direct);
        const b = await timeEach(REQUESTS_PER_ROUND, proxyFirst ? direct : viaProxy);
        const [p, d] = proxyFirst ? [a, b] : [b, a];
        proxySamples.push(...p);
        directSamples.push(...d);
        ratios.push(median(p) / median(d));
        floorSamples.push(...(await timeEach(REQUESTS_PER_ROUND / 2, floor)));
      }
      offset += 1000;
      const proxyRps = await throughput(8, 40, viaProxy);
      offset += 1000;
      const directRps = await throughput(8, 40, direct);

      console.log(`\nGET /api/tracks, ${scenario.name}: through the proxy vs straight to the backend (list + count)`);
      console.table({
        proxy: { p50: formatMs(median(proxySamples)), p99: formatMs(percentile(proxySamples, 99)), 'req/s, 8 clients': Math.round(proxyRps) },
        direct: { p50: formatMs(median(directSamples)), p99: formatMs(percentile(directSamples, 99)), 'req/s, 8 clients': Math.round(directRps) },
      });
      console.log(`p50 overhead ${formatMs(median(proxySamples) - median(directSamples))} (goal < 2 ms); median per-round p50 ratio ${median(ratios).toFixed(2)}x; throughput ratio ${(proxyRps / directRps).toFixed(2)} (goal >= 0.5)`);
      console.log(`Next.js floor in the same run (HEAD /api/health: no session, no upstream): p50 ${formatMs(median(floorSamples))}`);
    }
  } finally {
    app.stop();
    await backend.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
