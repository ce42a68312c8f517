// What the proxy costs: GET /api/tracks through the route handler (session, zod, adapter, wire
// parsing, mapping, catalogue cache) versus the same Base44 calls sent straight to the embedded
// backend, in one run. Goal from issue #3: under 2 ms at p50, at least half the direct throughput.
// Two references in the same run say what part of that cost any proxy would pay here: a bare
// node:http forwarder sending the same two reads (support/plain-forwarder.ts), and Next's own floor.
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { trackListParams } from '../../lib/base44/track-filter';
import { trackListQuerySchema } from '../../lib/domain/track-query';
import { ensureBuild, signIn, startBackendProcess, startConsole, startPlainForwarder } from './support/console-server';
import { formatMs, median, percentile, throughput, timeEach } from './support/stats';
import { trackReadUrls } from './support/track-reads';

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
  let stopForwarder = async () => {};
  try {
    const cookie = await signIn(app.url, 'dj@spynners.local', 'spynners');
    const login = await fetch(`${backend.url}/api/apps/${APP_ID}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'dj@spynners.local', password: 'spynners' }),
    });
    const { access_token: token } = (await login.json()) as { access_token: string };
    const upstreamHeaders = { authorization: `Bearer ${token}`, 'x-app-id': APP_ID };
    const forwarder = await startPlainForwarder({ backendUrl: backend.url, appId: APP_ID, token });
    stopForwarder = forwarder.stop;
    // undici (fetch) opens a new connection for every HEAD; node:http keeps one, as browsers do.
    const keepAlive = new http.Agent({ keepAlive: true });

    for (const scenario of SCENARIOS) {
      let offset = 0;
      const viaProxy = async (i: number) => {
        const res = await fetch(`${app.url}/api/tracks?${new URLSearchParams(scenario.query(offset + i))}`, { headers: { cookie } });
        if (!res.ok) throw new Error(`proxy answered ${res.status}`);
        await res.arrayBuffer();
      };
      const viaForwarder = async (i: number) => {
        const res = await fetch(`${forwarder.url}/api/tracks?${new URLSearchParams(scenario.query(offset + i))}`);
        if (!res.ok) throw new Error(`forwarder answered ${res.status}`);
        await res.arrayBuffer();
      };
      const direct = async (i: number) => {
        const params = trackListParams(trackListQuerySchema.parse(scenario.query(offset + i)));
        const urls = trackReadUrls(`${backend.url}/api/apps/${APP_ID}/entities/Track`, params);
        const [rows, count] = await Promise.all([
          fetch(urls.list, { headers: upstreamHeaders }),
          fetch(urls.count, { headers: upstreamHeaders }),
        ]);
        if (!rows.ok || !count.ok) throw new Error(`backend answered ${rows.status}/${count.status}`);
        await Promise.all([rows.arrayBuffer(), count.arrayBuffer()]);
      };

      // Next's own floor on this machine: a route with no session, no upstream and no body.
      const floor = () =>
        new Promise<void>((resolve, reject) => {
          const req = http.request(`${app.url}/api/health`, { method: 'HEAD', agent: keepAlive }, (res) => {
            res.resume();
            res.on('end', () => (res.statusCode === 204 ? resolve() : reject(new Error(`health answered ${res.statusCode}`))));
          });
          req.on('error', reject);
          req.end();
        });
      await timeEach(20, viaProxy); // warm-up: JIT, route modules, and the cache for the cached case
      await timeEach(20, viaForwarder);
      await timeEach(20, direct);
      await timeEach(20, floor);
      const proxySamples: number[] = [];
      const forwarderSamples: number[] = [];
      const directSamples: number[] = [];
      const floorSamples: number[] = [];
      const ratios: number[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        offset += 1000;
        // Each round starts with another of the three, so drift on the machine hits them alike.
        const order = [viaProxy, viaForwarder, direct].map((_, i, all) => all[(i + round) % all.length]!);
        const samples = new Map<unknown, number[]>();
        for (const run of order) samples.set(run, await timeEach(REQUESTS_PER_ROUND, run));
        const [p, f, d] = [samples.get(viaProxy)!, samples.get(viaForwarder)!, samples.get(direct)!];
        proxySamples.push(...p);
        forwarderSamples.push(...f);
        directSamples.push(...d);
        ratios.push(median(p) / median(d));
        floorSamples.push(...(await timeEach(REQUESTS_PER_ROUND / 2, floor)));
      }
      offset += 1000;
      const proxyRps = await throughput(8, 40, viaProxy);
      offset += 1000;
      const forwarderRps = await throughput(8, 40, viaForwarder);
      offset += 1000;
      const directRps = await throughput(8, 40, direct);

      console.log(`\nGET /api/tracks, ${scenario.name}: through the proxy vs straight to the backend (list + count)`);
      console.table({
        proxy: { p50: formatMs(median(proxySamples)), p99: formatMs(percentile(proxySamples, 99)), 'req/s, 8 clients': Math.round(proxyRps) },
        'plain forwarder': { p50: formatMs(median(forwarderSamples)), p99: formatMs(percentile(forwarderSamples, 99)), 'req/s, 8 clients': Math.round(forwarderRps) },
        direct: { p50: formatMs(median(directSamples)), p99: formatMs(percentile(directSamples, 99)), 'req/s, 8 clients': Math.round(directRps) },
      });
      console.log(`p50 overhead ${formatMs(median(proxySamples) - median(directSamples))} (goal < 2 ms); median per-round p50 ratio ${median(ratios).toFixed(2)}x; throughput ratio ${(proxyRps / directRps).toFixed(2)} (goal >= 0.5)`);
      console.log(`References in the same run: a bare node:http forwarder's p50 overhead ${formatMs(median(forwarderSamples) - median(directSamples))}, throughput ratio ${(forwarderRps / directRps).toFixed(2)}; Next.js floor (HEAD /api/health, kept-alive connection: no session, no upstream) p50 ${formatMs(median(floorSamples))}`);
    }
  } finally {
    await stopForwarder();
    app.stop();
    await backend.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
