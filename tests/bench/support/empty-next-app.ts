// The baseline of the bundle and start-up benchmarks: a one-page App Router app built with the
// console's own next/react packages (`next build`, Turbopack) and served by `next start`, since it
// has no server of its own.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { freePort } from './console-server';
import { serveProcess, type ServedProcess } from './served-process';

const root = path.resolve(__dirname, '../../..');
const emptyApp = path.join(root, '.data', 'bench', 'empty-next-app');
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
export const nextVersion = (JSON.parse(readFileSync(path.join(root, 'node_modules', 'next', 'package.json'), 'utf8')) as { version: string }).version;

/** The marker of the empty app's page once it has rendered. */
export const EMPTY_APP_READY = '[data-ready="true"]';

/** Builds the app under .data/bench/empty-next-app, unless it is built with this next already. */
export function buildEmptyApp(): void {
  const stamp = path.join(emptyApp, '.next', 'BUILT_WITH');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === nextVersion) return;
  mkdirSync(path.join(emptyApp, 'app'), { recursive: true });
  writeFileSync(path.join(emptyApp, 'package.json'), JSON.stringify({ name: 'empty-next-app', private: true }));
  writeFileSync(path.join(emptyApp, 'next.config.mjs'), `export default { turbopack: { root: ${JSON.stringify(root)} } };\n`);
  writeFileSync(
    path.join(emptyApp, 'app', 'layout.jsx'),
    'export default function RootLayout({ children }) {\n  return <html lang="en"><body>{children}</body></html>;\n}\n',
  );
  writeFileSync(path.join(emptyApp, 'app', 'page.jsx'), 'export default function Page() {\n  return <main data-ready="true">Hello</main>;\n}\n');
  console.log(`building an empty Next.js ${nextVersion} app in ${path.relative(root, emptyApp)}…`);
  const result = spawnSync(process.execPath, [nextBin, 'build', emptyApp], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error('the empty app did not build');
  writeFileSync(stamp, nextVersion);
}

export async function startEmptyApp(): Promise<ServedProcess> {
  const port = await freePort();
  return serveProcess({
    name: 'the empty Next.js app',
    args: [nextBin, 'start', emptyApp, '-H', '127.0.0.1', '-p', String(port)],
    port,
    readyPath: '/',
    env: { NEXT_TELEMETRY_DISABLED: '1' },
    timeoutMs: 60_000,
  });
}
