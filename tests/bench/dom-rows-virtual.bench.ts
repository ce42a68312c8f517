// DOM rows mounted by the library's virtualised list for 50 000 tracks versus 1 000, in real
// Chromium (system /usr/bin/chromium, headless): at the top, mid-list and at the end, after
// scrolling there. Goal: 50 000 mount ≤ 1.05x the rows of 1 000. Also records mount time and
// frame gaps while scrolling through the list.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { formatMs, median, percentile } from './support/stats';

const ROOT = path.resolve(__dirname, '../..');
const SIZES = [1_000, 50_000];
const VIEWPORT = { width: 1180, height: 820 }; // iPad landscape

async function bundle(dir: string): Promise<void> {
  await build({
    entryPoints: [path.join(__dirname, 'support/dom-rows/page.tsx')],
    bundle: true,
    outfile: path.join(dir, 'page.js'),
    format: 'iife',
    jsx: 'automatic',
    minify: true,
    logLevel: 'error',
    define: { 'process.env.NODE_ENV': '"production"' },
    alias: { 'next/link': path.join(__dirname, 'support/dom-rows/next-link.tsx'), '@': ROOT },
    loader: { '.module.css': 'local-css', '.css': 'css' },
  });
  writeFileSync(
    path.join(dir, 'index.html'),
    `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="${pathToUrl(path.join(ROOT, 'app/globals.css'))}"><link rel="stylesheet" href="page.css"></head><body><div id="root"></div><script src="page.js"></script></body></html>`,
  );
}

const pathToUrl = (p: string) => `file://${p}`;

interface Measure {
  tracks: number;
  mountMs: number;
  rows: { top: number; middle: number; end: number };
  maxRows: number;
  frameP95: number;
}

async function measure(dir: string, n: number): Promise<Measure> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--headless', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    const start = Date.now();
    await page.goto(`${pathToUrl(path.join(dir, 'index.html'))}?n=${n}`);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="track-row"]').length > 0);
    const mountMs = Date.now() - start;
    const rowsAt = async (where: 'top' | 'middle' | 'end') => {
      await page.evaluate((w) => {
        const max = document.documentElement.scrollHeight - innerHeight;
        scrollTo(0, w === 'top' ? 0 : w === 'middle' ? max / 2 : max);
      }, where);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await page.waitForTimeout(100);
      return page.evaluate(() => document.querySelectorAll('[data-testid="track-row"]').length);
    };
    const rows = { top: await rowsAt('top'), middle: await rowsAt('middle'), end: await rowsAt('end') };
    // A smooth scroll of 60 steps from the top: gaps between frames.
    const gaps = await page.evaluate(async () => {
      scrollTo(0, 0);
      const out: number[] = [];
      let last = performance.now();
      for (let i = 0; i < 60; i += 1) {
        scrollBy(0, 400);
        await new Promise((r) => requestAnimationFrame(r));
        const now = performance.now();
        out.push(now - last);
        last = now;
      }
      return out;
    });
    return { tracks: n, mountMs, rows, maxRows: Math.max(rows.top, rows.middle, rows.end), frameP95: percentile(gaps, 95) };
  } finally {
    await browser.close();
  }
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'dom-rows-'));
  try {
    await bundle(dir);
    const results: Measure[] = [];
    for (const n of SIZES) results.push(await measure(dir, n));
    console.log(`dom-rows-virtual: VirtualTrackList in headless Chromium, viewport ${VIEWPORT.width}x${VIEWPORT.height}`);
    console.table(
      results.map((r) => ({
        tracks: r.tracks,
        'rows top': r.rows.top,
        'rows middle': r.rows.middle,
        'rows end': r.rows.end,
        'page load→rows': `${r.mountMs} ms`,
        'frame gap p95 (scrolling)': formatMs(r.frameP95),
      })),
    );
    const [small, large] = results as [Measure, Measure];
    const ratio = large.maxRows / small.maxRows;
    console.log(`rows mounted 50 000 / 1 000: ${ratio.toFixed(3)}x (goal ≤ 1.05x): ${ratio <= 1.05 ? 'meets' : 'MISSES'}; median frame gap ${formatMs(median([small.frameP95, large.frameP95]))}`);
    const resultsDir = path.join(__dirname, 'results');
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(path.join(resultsDir, 'dom-rows-virtual.json'), `${JSON.stringify({ date: new Date().toISOString(), viewport: VIEWPORT, results, ratio }, null, 2)}\n`);
    if (ratio > 1.05) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
