#!/usr/bin/env node
// Builds the service worker after `next build` (part of `npm run build`), writing public/sw.js:
//  1. esbuild bundles the TypeScript worker (lib/sw/sw.ts) with Workbox, the build id inlined;
//  2. workbox-build's injectManifest adds the precache manifest: every file of .next/static (served
//     at /_next/static/, hashed names, so never cache-busted), the offline page, the web manifest
//     and the icons.
// Next 16 builds with Turbopack, so no webpack plugin: see lib/sw/README.md.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { injectManifest } from 'workbox-build';

const root = path.resolve(import.meta.dirname, '..', '..');
const at = (...parts) => path.join(root, ...parts);

const buildIdFile = at('.next', 'BUILD_ID');
if (!existsSync(buildIdFile)) {
  console.error('build-sw: .next/BUILD_ID is missing: run `next build` first.');
  process.exit(1);
}
const buildId = readFileSync(buildIdFile, 'utf8').trim();
const hashOf = (file) => (existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16) : buildId);

const bundled = at('.next', 'sw', 'sw.js');
mkdirSync(path.dirname(bundled), { recursive: true });
await build({
  entryPoints: [at('lib', 'sw', 'sw.ts')],
  outfile: bundled,
  bundle: true,
  format: 'iife',
  platform: 'browser',
  // iPadOS 16.4+ Safari and current Chromium.
  target: ['safari16', 'chrome110'],
  minify: true,
  legalComments: 'none',
  tsconfig: at('tsconfig.json'),
  define: {
    // Workbox strips its development logging when NODE_ENV is production.
    'process.env.NODE_ENV': '"production"',
    'process.env.SPYNNERS_BUILD_ID': JSON.stringify(buildId),
  },
  logLevel: 'warning',
});

// Files served outside /_next/static that the console needs offline; revisions from their content.
const additionalManifestEntries = [
  { url: '/offline', revision: hashOf(at('.next', 'server', 'app', 'offline.html')) },
  { url: '/manifest.webmanifest', revision: hashOf(at('.next', 'server', 'app', 'manifest.webmanifest.body')) },
  ...['icons/icon-192.png', 'icons/icon-512.png', 'icons/icon-maskable-512.png', 'apple-touch-icon.png']
    .filter((file) => existsSync(at('public', file)))
    .map((file) => ({ url: `/${file}`, revision: hashOf(at('public', file)) })),
];

const { count, size, warnings } = await injectManifest({
  swSrc: bundled,
  swDest: at('public', 'sw.js'),
  globDirectory: at('.next', 'static'),
  globPatterns: ['**/*.{js,css,woff2,woff,ttf,otf,png,jpg,jpeg,gif,svg,webp,avif,ico,txt,json}'],
  modifyURLPrefix: { '': '/_next/static/' },
  dontCacheBustURLsMatching: /^\/_next\/static\//,
  additionalManifestEntries,
  maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
});
for (const warning of warnings) console.warn(`build-sw: ${warning}`);
console.log(`build-sw: public/sw.js for build ${buildId}, precaching ${count} files (${(size / 1024).toFixed(0)} KiB)`);
