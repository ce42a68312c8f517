#!/usr/bin/env node
// `npm start`: builds the console when the build is missing or older than the sources, then serves
// it. With no configuration it runs on the embedded Base44 backend and its demo data.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
const SOURCES = ['app', 'components', 'lib', 'public', 'next.config.mjs', 'package-lock.json', 'tsconfig.json'];

function newestMtime(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce((max, name) => Math.max(max, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

function buildIsCurrent() {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  const worker = path.join(root, 'public', 'sw.js');
  if (!existsSync(buildId) || !existsSync(worker)) return false;
  // `npm run build` ends by writing the service worker (lib/cli/build-sw.mjs, after next build):
  // its time is when the build completed.
  const built = statSync(worker).mtimeMs;
  if (built < statSync(buildId).mtimeMs) return false;
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
const server = spawn('npx', ['next', 'start', '-H', host, '-p', port], { cwd: root, stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
