// The multi-level cache's IndexedDB level (lib/query/persist), measured in real Chromium:
// (1) cold restore of a 10 000-track cache into a QueryClient vs a raw IndexedDB getAll of the same
//     rows (goal <= 1.5x), (2) bytes written for a single-query change vs that query's data
//     (goal <= 2x). Also measures the two alternatives of the decision record (lib/query/README.md):
//     whole-client persistQueryClient (one value) and experimental_createQueryPersister.
// A/B interleaved, page reloaded before every restore (cold), median of per-pair ratios.
// Falls back to Node + fake-indexeddb when no Chromium is found (numbers then say little).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { build } from 'esbuild';
import { median } from './support/stats';

type Harness = typeof import('./query-persist.harness');
type Strategy = 'ours' | 'whole' | 'perQuery';
type Run = <K extends keyof Harness>(fn: K, ...args: Parameters<Harness[K]>) => Promise<Awaited<ReturnType<Harness[K]>>>;

const PAIRS = 11;
const STRATEGIES: Strategy[] = ['ours', 'whole', 'perQuery'];
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const root = path.resolve(__dirname, '../..');

async function inChromium(): Promise<{ run: Run; fresh: () => Promise<void>; close: () => Promise<void>; where: string }> {
  const bundle = await build({
    entryPoints: [path.join(__dirname, 'query-persist.harness.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'bench',
    platform: 'browser',
    target: 'es2022',
    write: false,
    tsconfig: path.join(root, 'tsconfig.json'),
    banner: { js: "var process = { env: { NODE_ENV: 'production' } };" },
    logLevel: 'error',
  });
  const script = bundle.outputFiles[0]!.text;
  const server = createServer((req, res) => {
    if (req.url === '/bench.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><meta charset="utf-8"><title>bench</title><script src="/bench.js"></script>');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const { chromium } = await import('playwright');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage();
  await page.goto(url);
  const version = browser.version();
  return {
    where: `Chromium ${version} (headless)`,
    run: (fn, ...args) =>
      page.evaluate(([name, params]) => (window as unknown as { bench: Record<string, (...a: unknown[]) => unknown> }).bench[name]!(...params), [fn, args] as [string, unknown[]]) as never,
    fresh: async () => void (await page.reload()),
    close: async () => {
      await browser.close();
      server.close();
    },
  };
}

async function inNode(): Promise<{ run: Run; fresh: () => Promise<void>; close: () => Promise<void>; where: string }> {
  const fakeIndexedDb = 'fake-indexeddb/auto'; // (a variable: the package ships no types for it)
  await import(fakeIndexedDb);
  const harness = (await import('./query-persist.harness')) as Record<string, (...a: unknown[]) => unknown>;
  return {
    where: `Node ${process.version} + fake-indexeddb (FALLBACK: no Chromium at ${CHROMIUM})`,
    run: (fn, ...args) => harness[fn]!(...args) as never,
    fresh: async () => {},
    close: async () => {},
  };
}

async function main() {
  const env = existsSync(CHROMIUM) ? await inChromium() : await inNode();
  const { run, fresh } = env;
  const base = `restore-${Date.now()}`;
  try {
    const seeds: Record<string, { bytes: number; ms: number }> = {};
    for (const strategy of STRATEGIES) seeds[strategy] = await run('seed', strategy, base);

    // (1) cold restore. One warm-up of each, then interleaved pairs.
    const restoreMs: Record<Strategy | 'raw', number[]> = { ours: [], raw: [], whole: [], perQuery: [] };
    const ratios: number[] = [];
    const restoreOnce = async (strategy: Strategy | 'raw') => {
      await fresh();
      const result = await run('restore', strategy, base);
      if (result.tracks !== 10_000) throw new Error(`${strategy} restored ${result.tracks} catalogue tracks, not 10 000`);
      return result.ms;
    };
    for (const strategy of ['ours', 'raw', 'whole', 'perQuery'] as const) await restoreOnce(strategy);
    for (let i = 0; i < PAIRS; i += 1) {
      const order = i % 2 === 0 ? (['ours', 'raw'] as const) : (['raw', 'ours'] as const);
      const pair: Record<string, number> = {};
      for (const strategy of order) pair[strategy] = await restoreOnce(strategy);
      restoreMs.ours.push(pair.ours!);
      restoreMs.raw.push(pair.raw!);
      ratios.push(pair.ours! / pair.raw!);
      for (const strategy of i % 2 === 0 ? (['whole', 'perQuery'] as const) : (['perQuery', 'whole'] as const)) {
        restoreMs[strategy].push(await restoreOnce(strategy));
      }
    }

    // (2) bytes written for one changed query, each strategy in turn on its own seeded database.
    await fresh();
    const bytesBase = `bytes-${Date.now()}`;
    for (const strategy of STRATEGIES) await run('seed', strategy, bytesBase);
    const bytes: Record<string, { written: number[]; ratio: number[]; dataBytes: number[] }> = {};
    for (let i = 0; i < PAIRS; i += 1) {
      for (const which of ['detail', 'catalogue'] as const) {
        const order = [...STRATEGIES.slice(i % 3), ...STRATEGIES.slice(0, i % 3)];
        for (const strategy of order) {
          const result = await run('change', strategy, which, i);
          const row = (bytes[`${strategy} · ${which}`] ??= { written: [], ratio: [], dataBytes: [] });
          row.written.push(result.bytes);
          row.dataBytes.push(result.dataBytes);
          row.ratio.push(result.bytes / result.dataBytes);
        }
      }
    }

    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    console.log(`\nQuery cache persistence, ${env.where}; ${PAIRS} interleaved pairs, 10 000-track catalogue + lists, details, profile`);
    console.log(`seed (first full write): ${STRATEGIES.map((s) => `${s} ${kb(seeds[s]!.bytes)} in ${seeds[s]!.ms.toFixed(0)} ms`).join('; ')}`);
    console.table(
      Object.fromEntries(
        (['ours', 'raw', 'whole', 'perQuery'] as const).map((s) => [
          s === 'raw' ? 'raw getAll (same rows, no QueryClient)' : `restore: ${s}`,
          { 'median ms': median(restoreMs[s]).toFixed(1), 'min ms': Math.min(...restoreMs[s]).toFixed(1) },
        ]),
      ),
    );
    const restoreRatio = median(ratios);
    console.log(`(1) cold restore ours / raw getAll: median of ${PAIRS} pair ratios ${restoreRatio.toFixed(2)}x (goal <= 1.5x)`);
    console.table(
      Object.fromEntries(
        Object.entries(bytes).map(([name, row]) => [
          name,
          { 'query data': kb(median(row.dataBytes)), written: kb(median(row.written)), 'written / data': `${median(row.ratio).toFixed(2)}x` },
        ]),
      ),
    );
    const oursWorst = Math.max(median(bytes['ours · detail']!.ratio), median(bytes['ours · catalogue']!.ratio));
    console.log(`(2) bytes written for a single-query change / that query's data, ours: ${oursWorst.toFixed(2)}x at worst (goal <= 2x)`);

    mkdirSync(path.join(__dirname, 'results'), { recursive: true });
    writeFileSync(
      path.join(__dirname, 'results', 'query-persist.json'),
      `${JSON.stringify(
        {
          date: new Date().toISOString(),
          where: env.where,
          pairs: PAIRS,
          restoreMedianMs: Object.fromEntries(Object.entries(restoreMs).map(([k, v]) => [k, Number(median(v).toFixed(1))])),
          restoreRatioOursOverRaw: Number(restoreRatio.toFixed(2)),
          seedBytes: Object.fromEntries(Object.entries(seeds).map(([k, v]) => [k, v.bytes])),
          singleChange: Object.fromEntries(
            Object.entries(bytes).map(([k, v]) => [k, { dataBytes: median(v.dataBytes), writtenBytes: median(v.written), ratio: Number(median(v.ratio).toFixed(2)) }]),
          ),
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    await env.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
