import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Hit {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  body: string;
  /** Resolves when the client went away before an answer (aborted or timed out). */
  closedEarly: Promise<void>;
}

export type FakeHandler = (hit: Hit, res: ServerResponse) => unknown;

/** A local HTTP server standing in for Base44, counting every request it gets. */
export async function startFakeUpstream(handler: FakeHandler) {
  const hits: Hit[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const closedEarly = new Promise<void>((resolve) => {
        res.on('close', () => {
          if (!res.writableFinished) resolve();
        });
      });
      const hit: Hit = {
        method: req.method ?? 'GET',
        url: new URL(req.url ?? '/', 'http://fake'),
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        closedEarly,
      };
      hits.push(hit);
      void handler(hit, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export function wireTrack(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'trk_1',
    title: 'Night Drive',
    artist_name: 'DJ Test',
    genre: 'Tech House',
    bpm: 126,
    status: 'approved',
    audio_url: 'https://files.example/trk_1.mp3',
    created_date: '2025-01-02T03:04:05.000Z',
    updated_date: '2025-01-02T03:04:05.000Z',
    ...overrides,
  };
}

export function wireUser(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'usr_1',
    email: 'dj@example.com',
    full_name: 'Dee Jay',
    role: 'user',
    user_type: 'dj',
    created_date: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}
