// What the console's /library costs in JavaScript: the gzip size of every script the page loads in
// Chromium (after hydration and the service worker's registration), against an empty Next.js app
// built and measured the same way (same next/react packages, `next build` with Turbopack,
// `next start`, same browser). Goal from issue #5: at most 1.7x the empty app and 170 KiB.
// Also reports the PWA client's own share (workbox-window + lib/pwa + components/pwa, bundled
// alone) and the worker script, which is not a page script.
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { BrowserContext } from 'playwright';
import { EMPTY_APP_READY, buildEmptyApp, nextVersion, startEmptyApp } from './support/empty-next-app';
import { launchChromium, signedInConsole } from './support/pwa-browser';

const GOAL_RATIO = 1.7;
const GOAL_KIB = 170;
const root = path.resolve(__dirname, '../..');

const gzipSize = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).length;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

interface ScriptFile {
  path: string;
  raw: number;
  gzip: number;
}

interface Scripts {
  /** The route's own scripts: the <script src> of its HTML. */
  route: ScriptFile[];
  /** Everything the page loaded by the time the network is idle (prefetched routes' chunks too). */
  loaded: ScriptFile[];
}

const total = (files: ScriptFile[], key: 'gzip' | 'raw' = 'gzip') => files.reduce((sum, file) => sum + file[key], 0);

/** The scripts of the page at `url` (never the worker's), once it is ready and the network idle. */
async function scriptsOf(context: BrowserContext, url: string, ready: string): Promise<Scripts> {
  const page = await context.newPage();
  const pending: Array<Promise<{ path: string; raw: number; gzip: number } | null>> = [];
  page.on('response', (response) => {
    const request = response.request();
    if (request.resourceType() !== 'script' || request.serviceWorker()) return;
    pending.push(
      response.body().then(
        (body) => ({ path: new URL(response.url()).pathname, raw: body.length, gzip: gzipSize(body) }),
        () => null,
      ),
    );
  });
  const document = await page.goto(url);
  const html = (await document?.text()) ?? '';
  await page.locator(ready).first().waitFor({ timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1000);
  const loaded = new Map<string, ScriptFile>();
  for (const file of await Promise.all(pending)) if (file) loaded.set(file.path, file);
  await page.close();
  // Modern browsers skip `nomodule` scripts (Next's legacy polyfills).
  const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((tag) => !/\snomodule\b/i.test(tag));
  const referenced = new Set(tags.flatMap((tag) => /\ssrc="([^"]+)"/.exec(tag)?.[1] ?? []).map((src) => new URL(src, url).pathname));
  const route = [...referenced].map((p) => loaded.get(p)).filter((file): file is ScriptFile => file !== undefined);
  if (route.length !== referenced.size) throw new Error(`${url}: ${referenced.size - route.length} referenced scripts were not loaded`);
  const bySize = (a: ScriptFile, b: ScriptFile) => b.gzip - a.gzip;
  return { route: route.sort(bySize), loaded: [...loaded.values()].sort(bySize) };
}

/** The PWA client code alone (as the console bundles it), minus React/Next, which every app has. */
async function pwaClientShare(): Promise<number> {
  const result = await build({
    entryPoints: [path.join(root, 'components', 'pwa', 'pwa-root.tsx')],
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    jsx: 'automatic',
    external: ['react', 'react-dom', 'react/jsx-runtime', 'next', 'next/*'],
    loader: { '.css': 'empty', '.module.css': 'empty' },
    define: { 'process.env.NODE_ENV': '"production"' },
    tsconfig: path.join(root, 'tsconfig.json'),
    logLevel: 'silent',
  });
  return gzipSize(Buffer.from(result.outputFiles[0]!.contents));
}

async function main() {
  buildEmptyApp();
  const empty = await startEmptyApp();
  const console_ = await signedInConsole();
  try {
    const browser = await launchChromium();
    const baseline = await scriptsOf(await browser.newContext(), empty.url, EMPTY_APP_READY);
    await browser.close();
    const library = await scriptsOf(console_.context, `${console_.app.url}/library`, '[data-app-ready="true"]');
    const worker = gzipSize(await (await fetch(`${console_.app.url}/sw.js`)).text());
    const pwa = await pwaClientShare();

    const routeGzip = total(library.route);
    const ratio = routeGzip / total(baseline.route);
    const line = (name: string, files: ScriptFile[]) => `${name.padEnd(34)} ${String(files.length).padStart(2)} scripts, ${kib(total(files)).padStart(10)} gzip (${kib(total(files, 'raw'))} raw)`;
    console.log('');
    console.log(line(`empty Next.js ${nextVersion} app, route`, baseline.route));
    console.log(line('console /library, route', library.route));
    for (const file of library.route.slice(0, 6)) console.log(`  ${kib(file.gzip).padStart(10)}  ${file.path}`);
    console.log(line('console /library, all loaded', library.loaded));
    console.log(`  (with the chunks of linked routes Next prefetches; empty app: ${kib(total(baseline.loaded))})`);
    console.log(`ratio: ${ratio.toFixed(2)}x (goal ≤ ${GOAL_RATIO}x), route total ${kib(routeGzip)} (goal ≤ ${GOAL_KIB} KiB)`);
    console.log(`  of which the PWA client (workbox-window, lib/pwa, components/pwa): ${kib(pwa)} gzip`);
    console.log(`service worker /sw.js (not a page script, fetched once per update): ${kib(worker)} gzip`);
    const met = ratio <= GOAL_RATIO && routeGzip <= GOAL_KIB * 1024;
    console.log(met ? 'goal met' : 'goal NOT met');
  } finally {
    await console_.close();
    await empty.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
