// Streaming uploads: a 100 MB file (UPLOAD_BENCH_MB to change it: memory that grows with the size is buffering) through POST /api/uploads (route handler → Base44 UploadFile)
// versus the same multipart body sent straight to the embedded backend, in one run. Measures the
// console's memory growth while the file streams (goal from issue #8: bounded, well under the file
// size) and the throughput of both paths.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { startEmbeddedServer } from '../../lib/embedded-base44';
import { encodeMultipartFile, multipartContentType, multipartOverhead, newBoundary } from '../../lib/uploads/multipart-encoder';
import { ensureBuild, freePort, signIn, startConsole } from './support/console-server';
import { median } from './support/stats';

const APP_ID = 'spynners-local';
const FILE_MB = Number(process.env.UPLOAD_BENCH_MB ?? 100);
const FILE_BYTES = FILE_MB * 1024 * 1024;
const ROUNDS = 3;
const MB = 1024 * 1024;

interface Sample { t: number; pid: number; gc: boolean; rss: number; heapUsed: number; external: number; arrayBuffers: number }

/** A FILE_MB "MP3": an ID3 header, then 1 MB blocks of varied bytes, produced as it is sent. */
async function* fileChunks(total: number): AsyncGenerator<Uint8Array> {
  const block = new Uint8Array(MB).map((_, i) => (i * 2654435761) >>> 24);
  const head = new Uint8Array([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0]);
  yield head;
  let sent = head.byteLength;
  while (sent < total) {
    const size = Math.min(block.byteLength, total - sent);
    yield block.subarray(0, size);
    sent += size;
  }
}

/** One multipart upload over plain HTTP with a Content-Length, as a browser sends it. Resolves to seconds taken. */
function postMultipart(url: string, headers: Record<string, string>): Promise<number> {
  const boundary = newBoundary();
  const part = { boundary, field: 'file', filename: 'bench.mp3', contentType: 'audio/mpeg' };
  const length = FILE_BYTES + multipartOverhead(part);
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method: 'POST',
      headers: { ...headers, 'content-type': multipartContentType(boundary), 'content-length': String(length) },
    }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => {
        const body = Buffer.concat(chunks).toString();
        if (response.statusCode !== 200) reject(new Error(`${url} answered ${response.statusCode}: ${body.slice(0, 200)}`));
        else resolve((performance.now() - start) / 1000);
      });
    });
    request.on('error', reject);
    Readable.from(encodeMultipartFile(part, fileChunks(FILE_BYTES))).pipe(request);
  });
}

function readSamples(file: string): Sample[] {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Sample);
  } catch {
    return [];
  }
}

const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

async function main() {
  ensureBuild();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'spynners-bench-upload-'));
  const sampleFile = path.join(dataDir, 'console-memory.jsonl');
  const backend = await startEmbeddedServer({
    dataDir: path.join(dataDir, 'base44'), appId: APP_ID, port: await freePort(), maxUploadBytes: 2 * FILE_BYTES, seed: { trackCount: 4 },
  });
  const app = await startConsole({
    BASE44_SERVER_URL: backend.url,
    BASE44_APP_ID: APP_ID,
    SPYNNERS_DATA_DIR: path.join(dataDir, 'console'),
    NEXTAUTH_SECRET: 'bench-secret-0123456789abcdefghijklmnopqrstuv',
    UPLOAD_LIMIT_MB: String(FILE_MB + 50),
    NODE_OPTIONS: `--expose-gc --require ${path.resolve(__dirname, 'support/memory-sampler.cjs')}`,
    MEMORY_SAMPLE_FILE: sampleFile,
    MEMORY_SAMPLE_MS: '50',
  });
  try {
    const cookie = await signIn(app.url, 'producer@spynners.local', 'spynners');
    const login = await fetch(`${backend.url}/api/apps/${APP_ID}/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'producer@spynners.local', password: 'spynners' }),
    });
    const { access_token: token } = (await login.json()) as { access_token: string };
    const viaConsole = () => postMultipart(`${app.url}/api/uploads?kind=audio`, { cookie, origin: app.url });
    const direct = () => postMultipart(`${backend.url}/api/apps/${APP_ID}/integration-endpoints/Core/UploadFile`, { authorization: `Bearer ${token}`, 'x-app-id': APP_ID });

    await viaConsole(); // warm-up: route module, session, upstream connection
    await direct();
    await new Promise((r) => setTimeout(r, 1500));
    const settled = readSamples(sampleFile);
    const pid = settled.at(-1)!.pid;
    const baseline = settled.filter((s) => s.pid === pid).slice(-20);
    const base = { rss: median(baseline.map((s) => s.rss)), heapUsed: median(baseline.map((s) => s.heapUsed)), external: median(baseline.map((s) => s.external)) };

    const consoleSeconds: number[] = [];
    const directSeconds: number[] = [];
    const peaks: { rss: number; heapUsed: number; external: number }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const from = Date.now();
      consoleSeconds.push(await viaConsole());
      const during = readSamples(sampleFile).filter((s) => s.pid === pid && s.t >= from);
      peaks.push({
        rss: Math.max(...during.map((s) => s.rss)) - base.rss,
        heapUsed: Math.max(...during.map((s) => s.heapUsed)) - base.heapUsed,
        external: Math.max(...during.map((s) => s.external)) - base.external,
      });
      directSeconds.push(await direct());
    }

    // Live memory: each sample after a full GC, so garbage awaiting collection does not count.
    writeFileSync(`${sampleFile}.gc`, '');
    await new Promise((r) => setTimeout(r, 1000));
    const liveBaseline = readSamples(sampleFile).filter((s) => s.pid === pid && s.gc).slice(-10);
    const liveBase = { rss: median(liveBaseline.map((s) => s.rss)), heapUsed: median(liveBaseline.map((s) => s.heapUsed)), external: median(liveBaseline.map((s) => s.external)) };
    const liveFrom = Date.now();
    const liveSeconds = await viaConsole();
    const live = readSamples(sampleFile).filter((s) => s.pid === pid && s.gc && s.t >= liveFrom);
    unlinkSync(`${sampleFile}.gc`);
    const liveGrowth = {
      rss: Math.max(...live.map((s) => s.rss)) - liveBase.rss,
      heapUsed: Math.max(...live.map((s) => s.heapUsed)) - liveBase.heapUsed,
      external: Math.max(...live.map((s) => s.external)) - liveBase.external,
    };

    const throughputConsole = FILE_BYTES / MB / median(consoleSeconds);
    const throughputDirect = FILE_BYTES / MB / median(directSeconds);
    const worst = {
      rss: Math.max(...peaks.map((p) => p.rss)),
      heapUsed: Math.max(...peaks.map((p) => p.heapUsed)),
      external: Math.max(...peaks.map((p) => p.external)),
    };
    console.log(`\n${FILE_MB} MB upload, ${ROUNDS} rounds each: console route handler (streams to the backend) vs straight to the embedded backend`);
    console.table({
      'via /api/uploads': { 'median s': median(consoleSeconds).toFixed(2), 'MB/s': throughputConsole.toFixed(1) },
      'straight to UploadFile': { 'median s': median(directSeconds).toFixed(2), 'MB/s': throughputDirect.toFixed(1) },
    });
    console.log(`throughput ratio (console / direct): ${(throughputConsole / throughputDirect).toFixed(2)}`);
    console.log(`console process memory growth while streaming ${FILE_MB} MB (worst of ${ROUNDS}, over a baseline of RSS ${mb(base.rss)}, heap ${mb(base.heapUsed)}):`);
    console.table({
      'peak, as sampled': { rss: mb(worst.rss), heapUsed: mb(worst.heapUsed), 'external (incl. Buffers)': mb(worst.external), 'RSS / file size': `${((100 * worst.rss) / FILE_BYTES).toFixed(1)} %` },
      [`live (after a GC, ${live.length} samples)`]: { rss: mb(liveGrowth.rss), heapUsed: mb(liveGrowth.heapUsed), 'external (incl. Buffers)': mb(liveGrowth.external), 'RSS / file size': `${((100 * liveGrowth.rss) / FILE_BYTES).toFixed(1)} %` },
    });
    console.log(`(the live pass took ${liveSeconds.toFixed(2)} s with a GC every sample; \`peak, as sampled\` includes garbage V8 had not collected yet)`);

    const results = path.resolve(__dirname, 'results');
    mkdirSync(results, { recursive: true });
    writeFileSync(path.join(results, 'upload.json'), `${JSON.stringify({
      date: new Date().toISOString(), node: process.version, fileBytes: FILE_BYTES, rounds: ROUNDS,
      seconds: { console: consoleSeconds, direct: directSeconds },
      throughputMBps: { console: throughputConsole, direct: throughputDirect, ratio: throughputConsole / throughputDirect },
      baseline: base, growthPerRound: peaks, worstGrowth: worst, liveBaseline: liveBase, liveGrowth, liveSamples: live.length,
    }, null, 2)}\n`);
  } finally {
    app.stop();
    await backend.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
