import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../lib/embedded-base44';
import { tempDir } from './support';

const root = path.resolve(__dirname, '../../..');
const dir = tempDir('embedded-base44-cli-');
afterAll(() => dir.remove());

/** Starts the CLI as `npm run base44` does and resolves with the URL it prints when ready. */
function startCli(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'lib/embedded-base44/cli.ts', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /listening on (http:\/\/\S+)/.exec(line);
      if (match) resolve(match[1]!);
    });
    let errors = '';
    child.stderr.on('data', (chunk) => (errors += chunk));
    void exited.then((code) => reject(new Error(`the CLI exited (${code}) before it was ready: ${errors}`)));
  });
  return { child, url, exited };
}

describe('npm run base44', () => {
  it('starts on a port, serves the app id from the environment, exposes stats and stops on SIGTERM', async () => {
    const cli = startCli(['--port', '0', '--data', dir.dir, '--demo-tracks', '2', '--expose-stats'], { BASE44_APP_ID: 'cli-app' });
    const url = await cli.url;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const login = await fetch(`${url}/api/apps/cli-app/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'dj@spynners.local', password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const { access_token: token } = (await login.json()) as { access_token: string };
    const tracks = await fetch(`${url}/api/apps/cli-app/entities/Track`, { headers: { authorization: `Bearer ${token}` } });
    expect(((await tracks.json()) as unknown[]).length).toBeGreaterThan(0);
    const stats = (await (await fetch(`${url}/__embedded/stats`)).json()) as { byRoute: Record<string, number> };
    expect(stats.byRoute).toMatchObject({ 'POST /auth/login': 1, 'GET /entities/Track': 1 });
    expect((await fetch(`${url}/__embedded/stats/reset`, { method: 'POST' })).status).toBe(200);
    expect(((await (await fetch(`${url}/__embedded/stats`)).json()) as { requests: number }).requests).toBe(0);
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
  }, 60_000);

  it('keeps the stats endpoints off unless asked', async () => {
    const cli = startCli(['--port', '0', '--data', dir.dir, '--app-id', 'spynners-local']);
    const url = await cli.url;
    expect((await fetch(`${url}/__embedded/stats`)).status).toBe(404);
    cli.child.kill('SIGINT');
    expect(await cli.exited).toBe(0);
  }, 60_000);

  it('refuses to start without a port or a data folder', async () => {
    const cli = startCli(['--data', dir.dir]);
    await expect(cli.url).rejects.toThrow(/--port is required/);
    expect(await cli.exited).toBe(1);
  }, 60_000);
});
