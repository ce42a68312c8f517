// A server in a process (group) of its own on 127.0.0.1, started and awaited until `readyPath`
// answers 200; stop() ends the whole group and waits for the exit.
import { spawn } from 'node:child_process';

export interface ServedProcess {
  url: string;
  stop(): Promise<void>;
}

export interface ServeOptions {
  name: string;
  /** Arguments to `node`. */
  args: string[];
  port: number;
  readyPath: string;
  env?: Record<string, string>;
  cwd?: string;
  timeoutMs?: number;
}

export async function serveProcess(options: ServeOptions): Promise<ServedProcess> {
  const url = `http://127.0.0.1:${options.port}`;
  const child = spawn(process.execPath, options.args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      process.kill(-child.pid, 'SIGTERM');
      const killed = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 10_000);
      await exited;
      clearTimeout(killed);
    }
  };
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  while (child.exitCode === null) {
    if (await fetch(url + options.readyPath, { redirect: 'manual' }).then((r) => r.status === 200, () => false)) return { url, stop };
    if (Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`${options.name} did not answer ${options.readyPath} with 200`);
}
