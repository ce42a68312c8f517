// A fault-injecting HTTP proxy between a console server and the standalone backend (for the
// outbox's fault-injection test). Every call passes through untouched except `POST
// /functions/recordSession`, which takes the next fault from a queue the test fills:
//   error-500 / error-503   answered by the proxy, the backend never sees it;
//   drop                    the connection is cut before the backend sees it;
//   commit-then-500         the backend records the set, the console gets a 500;
//   commit-then-drop        the backend records it, the connection is cut;
//   commit-then-timeout     the backend records it, the answer never comes (the console times out);
//   slow                    passed through after a pause (the test reloads the page meanwhile).
import http from 'node:http';
import { E2E } from './servers';

export const FAULTS = ['error-500', 'error-503', 'drop', 'commit-then-500', 'commit-then-drop', 'commit-then-timeout'] as const;
export type Fault = (typeof FAULTS)[number] | 'pass' | 'slow';

export interface FaultProxy {
  url: string;
  /** Faults for the next recordSession calls, in order; afterwards calls pass. */
  queue(faults: Fault[]): void;
  clear(): void;
  /** recordSession calls seen so far, and how many the backend committed without the console hearing. */
  stats(): { calls: number; committedUnanswered: number; byFault: Record<string, number> };
  close(): Promise<void>;
}

export async function startFaultProxy(port: number, timeoutMs: number): Promise<FaultProxy> {
  const target = new URL(E2E.backendUrl);
  let pending: Fault[] = [];
  let calls = 0;
  let committedUnanswered = 0;
  const byFault: Record<string, number> = {};
  const sockets = new Set<import('node:net').Socket>();

  const forward = (req: http.IncomingMessage, body: Buffer) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const upstream = http.request(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      upstream.on('error', reject);
      upstream.end(body);
    });

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      const isRecord = req.method === 'POST' && (req.url ?? '').endsWith('/functions/recordSession');
      const fault: Fault = isRecord ? (pending.shift() ?? 'pass') : 'pass';
      if (isRecord) {
        calls += 1;
        byFault[fault] = (byFault[fault] ?? 0) + 1;
      }
      const answer = (status: number, json: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(json));
      };
      try {
        if (fault === 'error-500' || fault === 'error-503') return answer(fault === 'error-500' ? 500 : 503, { message: 'injected fault' });
        if (fault === 'drop') return req.socket.destroy();
        if (fault === 'slow') await new Promise((resolve) => setTimeout(resolve, 700));
        const upstream = await forward(req, body);
        if (fault === 'commit-then-500' || fault === 'commit-then-drop' || fault === 'commit-then-timeout') {
          if (upstream.status < 300) committedUnanswered += 1;
          if (fault === 'commit-then-500') return answer(500, { message: 'injected fault after commit' });
          if (fault === 'commit-then-drop') return req.socket.destroy();
          setTimeout(() => req.socket.destroy(), timeoutMs + 300);
          return;
        }
        const headers = { ...upstream.headers };
        delete headers['transfer-encoding'];
        delete headers.connection;
        res.writeHead(upstream.status, { ...headers, 'content-length': String(upstream.body.length) });
        res.end(upstream.body);
      } catch {
        if (!res.headersSent) answer(502, { message: 'proxy could not reach the backend' });
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    queue: (faults) => pending.push(...faults),
    clear: () => (pending = []),
    stats: () => ({ calls, committedUnanswered, byFault: { ...byFault } }),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
