// The built console as `npm start` serves it: its own server (lib/cli/server.mjs), on the embedded
// Base44 backend with the demo data, in a fresh data directory under .data/bench.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { ensureBuild, freePort } from './console-server';
import { serveProcess, type ServedProcess } from './served-process';

const root = path.resolve(__dirname, '../../..');

/** Sources whose changes need a new build (as lib/cli/start.mjs sees them). */
const SOURCES = ['app', 'components', 'lib'];

function newerFiles(entry: string, than: number): number {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs > than ? 1 : 0;
  return readdirSync(entry).reduce((sum, name) => sum + newerFiles(path.join(entry, name), than), 0);
}

/** Which build is measured, and whether sources changed since (ensureBuild() only builds when none exists). */
export function describeBuild(): string {
  const buildIdFile = path.join(root, '.next', 'BUILD_ID');
  const builtAt = statSync(buildIdFile).mtimeMs;
  const changed = SOURCES.reduce((sum, source) => sum + newerFiles(path.join(root, source), builtAt), 0);
  const id = readFileSync(buildIdFile, 'utf8').trim();
  const when = new Date(builtAt).toISOString().replace('T', ' ').slice(0, 16);
  return `console build ${id} of ${when} UTC${changed ? ` (${changed} source files changed since: \`npm run build\` to measure them)` : ''}`;
}

export interface ConsoleApp extends ServedProcess {
  /** Stops the server and removes its data directory. */
  dispose(): Promise<void>;
}

/** Builds the console if it is not built, then starts it; resolves once `/sign-in` answers 200. */
export async function startBuiltConsole(benchName: string): Promise<ConsoleApp> {
  ensureBuild();
  const parent = path.join(root, '.data', 'bench');
  mkdirSync(parent, { recursive: true });
  const dataDir = mkdtempSync(path.join(parent, `${benchName}-data-`));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = await serveProcess({
    name: 'the console server',
    args: [path.join(root, 'lib', 'cli', 'server.mjs'), '-H', '127.0.0.1', '-p', String(port)],
    cwd: root,
    port,
    readyPath: '/sign-in',
    env: {
      SPYNNERS_DATA_DIR: dataDir,
      NEXTAUTH_URL: url,
      NEXT_TELEMETRY_DISABLED: '1',
      // Every Lighthouse run and warm-up signs in from the same address.
      SIGN_IN_ADDRESS_LIMIT: '1000',
    },
  }).catch((error: unknown) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  return {
    ...server,
    async dispose() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
