import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export function ensureBuild(): void {
  if (existsSync('.next/BUILD_ID')) return;
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('next build failed');
}

/** Polls `ready` until it holds, the child exits or the time is up; whether it came to hold. */
async function waitUntil(ready: () => Promise<boolean>, child: ChildProcess, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && child.exitCode === null) {
    if (await ready()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

export interface ConsoleServer {
  url: string;
  stop(): void;
}

/** Starts the production console (`next start`) with the given environment and waits for it. */
export async function startConsole(env: Record<string, string>): Promise<ConsoleServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn('node_modules/.bin/next', ['start', '-H', '127.0.0.1', '-p', String(port)], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NEXTAUTH_URL: url, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  await waitUntil(() => fetch(`${url}/sign-in`).then((r) => r.ok, () => false), child, 60_000);
  return { url, stop: () => child.pid && process.kill(-child.pid, 'SIGTERM') };
}

/** Signs in through next-auth's credentials callback and returns the session cookie header. */
export async function signIn(url: string, email: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${url}/api/auth/csrf`);
  const csrfCookie = (csrfRes.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
    redirect: 'manual',
  });
  const session = res.headers.getSetCookie().find((c) => c.includes('next-auth.session-token='));
  if (!session) throw new Error('sign-in failed');
  return session.split(';')[0]!;
}

export interface BackendServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * The embedded Base44 backend in a process of its own (`npm run base44`), as any real backend is:
 * a client in the same process as the server it calls would skip the process hop every real call
 * pays, and so would make a "direct" baseline look faster than any client could reach it.
 */
export async function startBackendProcess(options: { dataDir: string; appId: string }): Promise<BackendServer> {
  const port = await freePort();
  const args = ['lib/embedded-base44/cli.ts', '--port', String(port), '--data', options.dataDir, '--app-id', options.appId];
  return startTsxServer('the embedded backend', port, args, {}, `/api/apps/${options.appId}/entities/Track?limit=1`, 120_000);
}

/** The benchmark's frameworkless reference proxy (plain-forwarder.ts), in a process of its own. */
export async function startPlainForwarder(options: { backendUrl: string; appId: string; token: string }): Promise<BackendServer> {
  const port = await freePort();
  const env = { BACKEND_URL: options.backendUrl, APP_ID: options.appId, BASE44_TOKEN: options.token, PORT: String(port) };
  return startTsxServer('the plain forwarder', port, ['tests/bench/support/plain-forwarder.ts'], env, '/api/tracks?pageSize=1', 60_000);
}

async function startTsxServer(
  name: string,
  port: number,
  args: string[],
  env: Record<string, string>,
  readyPath: string,
  timeoutMs: number,
): Promise<BackendServer> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn('node_modules/.bin/tsx', args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const answering = () => fetch(url + readyPath).then(() => true, () => false);
  if (!(await waitUntil(answering, child, timeoutMs))) throw new Error(`${name} did not start`);
  return {
    url,
    stop: async () => {
      if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGTERM');
      await exited;
    },
  };
}
