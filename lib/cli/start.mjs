#!/usr/bin/env node
// `npm start`: builds the console when the build is missing or older than the sources, then serves
// it. With no configuration it runs on the embedded Base44 backend and its demo data.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
const SOURCES = ['app', 'components', 'lib', 'public', 'next.config.mjs', 'package-lock.json', 'tsconfig.json'];

// Written by the build itself (lib/cli/build-sw.mjs, after .next/BUILD_ID): outputs, not sources.
const GENERATED = new Set(['public/sw.js', 'public/sw.js.map'].map((file) => path.join(root, file)));
const PUBLIC_DIR = path.join(root, 'public');

function newestMtime(entry) {
  if (!existsSync(entry) || GENERATED.has(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  // public/ itself changes when the build first writes sw.js into it: only its files count.
  const own = entry === PUBLIC_DIR ? 0 : stat.mtimeMs;
  return readdirSync(entry).reduce((max, name) => Math.max(max, newestMtime(path.join(entry, name))), own);
}

function buildIsCurrent() {
  const buildIdFile = path.join(root, '.next', 'BUILD_ID');
  const worker = path.join(root, 'public', 'sw.js');
  if (!existsSync(buildIdFile) || !existsSync(worker)) return false;
  // `npm run build` ends with lib/cli/build-sw.mjs, which inlines the build id into public/sw.js:
  // a worker of another build means the last build did not finish.
  if (!readFileSync(worker, 'utf8').includes(readFileSync(buildIdFile, 'utf8').trim())) return false;
  const built = statSync(buildIdFile).mtimeMs;
  return SOURCES.every((source) => newestMtime(path.join(root, source)) <= built);
}

const host = process.env.HOST ?? '127.0.0.1';
const port = process.env.PORT ?? '3000';
process.env.NEXTAUTH_URL ??= `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
process.env.NEXT_TELEMETRY_DISABLED ??= '1';

if (!buildIsCurrent()) {
  console.log('Building the console (first start or changed sources)…');
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', env: process.env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const backend = process.env.BASE44_SERVER_URL ? `Base44 at ${process.env.BASE44_SERVER_URL}` : 'the embedded Base44 backend (demo data)';
console.log(`SPYNNERS Live Console on ${process.env.NEXTAUTH_URL}, using ${backend}`);
// The console's own server (server.mjs), not `next start`: its timeouts let long uploads finish.
const server = spawn(process.execPath, [path.join(root, 'lib', 'cli', 'server.mjs'), '-H', host, '-p', port], { cwd: root, stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
