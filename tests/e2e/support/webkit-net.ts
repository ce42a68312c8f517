// WebKitGTK fixtures plus `net`: a TCP forwarder in front of the console, since WebDriver has no
// network emulation. Open the console at `net.baseURL` (a port of its own: the worker, cookies and
// caches of that origin), then `net.setOffline(true)` drops and refuses every connection, as when
// the iPad loses the venue's Wi-Fi (navigator.onLine stays true, as it often does there).
import net from 'node:net';
import { E2E } from './servers';
import { test as base, type WebKitBrowser } from './webkit';

export { expect, waitInPage } from './webkit';

export interface NetToggle {
  baseURL: string;
  setOffline(offline: boolean): void;
}

export const test = base.extend<{ net: NetToggle }>({
  net: async ({}, use) => {
    let offline = false;
    const sockets = new Set<net.Socket>();
    const server = net.createServer((client) => {
      if (offline) return client.destroy();
      const upstream = net.connect(E2E.consolePort, '127.0.0.1');
      sockets.add(client).add(upstream);
      client.pipe(upstream).pipe(client);
      const close = () => {
        client.destroy();
        upstream.destroy();
        sockets.delete(client);
        sockets.delete(upstream);
      };
      client.on('error', close).on('close', close);
      upstream.on('error', close).on('close', close);
    });
    const port = await new Promise<number>((resolve) =>
      server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)),
    );
    await use({
      baseURL: `http://127.0.0.1:${port}`,
      setOffline(value) {
        offline = value;
        if (value) for (const socket of sockets) socket.destroy();
      },
    });
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  },
});

/**
 * Runs an async function body in the page (`args` is in scope) and returns its result; a thrown
 * error fails the test with its message.
 */
export async function runInPage<T>(wk: WebKitBrowser, body: string, args: unknown = null): Promise<T> {
  const result = (await wk.executeAsync(
    `const done = arguments[arguments.length - 1]; const args = arguments[0];
     (async () => { ${body} })().then((value) => done({ value }), (error) => done({ error: String(error && error.stack || error) }));`,
    args,
  )) as { value?: T; error?: string };
  if (result.error) throw new Error(`in the page: ${result.error}`);
  return result.value as T;
}
