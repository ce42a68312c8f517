// What proxy.ts (the per-request CSP nonce, issue #16) adds to a document request: GET /sign-in
// with the proxy against the same request with `Purpose: prefetch`, which its matcher skips (the
// page is then rendered without a nonce), interleaved in one run on one built console.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { proxy } from '../../proxy';
import { ensureBuild, startConsole } from './support/console-server';
import { formatMs, median, percentile } from './support/stats';

const ROUNDS = 8;
const PAIRS_PER_ROUND = 50;

async function load(url: string, headers: Record<string, string>, expectPolicy: boolean): Promise<number> {
  const start = performance.now();
  const res = await fetch(url, { headers });
  await res.arrayBuffer();
  const elapsed = performance.now() - start;
  if (res.status !== 200 || res.headers.has('content-security-policy') !== expectPolicy) {
    throw new Error(`unexpected answer ${res.status}, policy ${res.headers.has('content-security-policy')}`);
  }
  return elapsed;
}

/** The proxy function alone (nonce, policy, NextResponse.next with the request's headers copied). */
function proxyFunctionCost(): void {
  const request = () =>
    new NextRequest('http://127.0.0.1:3100/library', { headers: { accept: 'text/html', cookie: `next-auth.session-token=${'x'.repeat(1500)}` } });
  for (let i = 0; i < 2000; i += 1) proxy(request());
  const n = 20_000;
  let start = performance.now();
  for (let i = 0; i < n; i += 1) request();
  const construction = (performance.now() - start) / n;
  start = performance.now();
  for (let i = 0; i < n; i += 1) proxy(request());
  const total = (performance.now() - start) / n;
  console.log(`proxy() alone: ${((total - construction) * 1000).toFixed(0)} µs a document (${n} calls, request construction excluded)`);
}

async function main() {
  proxyFunctionCost();
  ensureBuild();
  const app = await startConsole({
    SPYNNERS_DATA_DIR: path.join(mkdtempSync(path.join(tmpdir(), 'spynners-bench-csp-')), 'console'),
    NEXTAUTH_SECRET: 'bench-secret-0123456789abcdefghijklmnopqrstuv',
  });
  try {
    const url = `${app.url}/sign-in`;
    for (let i = 0; i < 30; i += 1) await load(url, {}, true); // warm-up
    const withProxy: number[] = [];
    const without: number[] = [];
    const diffs: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      for (let i = 0; i < PAIRS_PER_ROUND; i += 1) {
        const flip = (round + i) % 2 === 0;
        const a = flip ? await load(url, {}, true) : 0;
        const b = await load(url, { purpose: 'prefetch' }, false);
        const c = flip ? 0 : await load(url, {}, true);
        const proxied = flip ? a : c;
        withProxy.push(proxied);
        without.push(b);
        diffs.push(proxied - b);
      }
    }
    console.log(
      `GET /sign-in, ${withProxy.length} interleaved pairs: with proxy p50 ${formatMs(median(withProxy))} (p90 ${formatMs(percentile(withProxy, 90))}), ` +
        `without p50 ${formatMs(median(without))} (p90 ${formatMs(percentile(without, 90))}); per-pair difference p50 ${formatMs(median(diffs))}, ` +
        `p25 ${formatMs(percentile(diffs, 25))}, p75 ${formatMs(percentile(diffs, 75))}`,
    );
  } finally {
    app.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
