import { readFileSync } from 'node:fs';
import type { IncomingMessage, Server } from 'node:http';
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLIENT_ADDRESS_HEADER as HEADER_READ_BY_ROUTES } from '@/lib/http/client-address';
import { CLIENT_ADDRESS_HEADER, clientAddressOf, parseTrustedProxyHops } from '@/lib/cli/client-address.mjs';
import { createConsoleHttpServer } from '@/lib/cli/http-server.mjs';

const root = path.resolve(__dirname, '..', '..', '..');
let server: Server | null = null;

afterEach(async () => {
  await new Promise((done) => (server ? server.close(done) : done(undefined)));
  server = null;
});

/** A console server whose "Next" answers with what it was handed. */
async function echoServer(trustedProxyHops = 0) {
  const seen: IncomingMessage[] = [];
  server = createConsoleHttpServer(
    (req, res) => {
      seen.push(req);
      res.end(JSON.stringify({ address: req.headers[CLIENT_ADDRESS_HEADER] ?? null }));
    },
    { trustedProxyHops },
  );
  await new Promise<void>((ready) => server!.listen(0, '127.0.0.1', ready));
  return { port: (server.address() as AddressInfo).port, seen };
}

function get(port: number, urlPath: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: urlPath, headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the console server', () => {
  it('closes the connection of a body left unread after its answer, so a trickled body cannot hold it', async () => {
    server = createConsoleHttpServer((_req, res) => {
      res.writeHead(401, { 'Content-Type': 'application/json' });
      res.end('{"error":{"code":"unauthenticated"}}');
    });
    await new Promise<void>((ready) => server!.listen(0, '127.0.0.1', ready));
    const { port } = server.address() as AddressInfo;
    const started = Date.now();
    const outcome = await new Promise<{ status: number; closedAfterMs: number }>((resolve, reject) => {
      let status = 0;
      const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/api/me', headers: { 'Content-Type': 'application/json' } });
      req.on('response', (res) => {
        status = res.statusCode ?? 0;
        res.resume();
      });
      req.on('error', () => resolve({ status, closedAfterMs: Date.now() - started }));
      req.on('close', () => resolve({ status, closedAfterMs: Date.now() - started }));
      // One byte every 200 ms, for ever: only the server can end this.
      const trickle = setInterval(() => req.write('x'), 200);
      req.on('close', () => clearInterval(trickle));
      req.on('error', () => clearInterval(trickle));
      setTimeout(() => reject(new Error('the connection stayed open')), 15_000).unref();
    });
    expect(outcome.status).toBe(401);
    expect(outcome.closedAfterMs).toBeLessThan(10_000);
  }, 20_000);

  it('keeps a kept-alive connection usable after an answer sent before a body that then arrives whole', async () => {
    server = createConsoleHttpServer((req, res) => {
      res.writeHead(req.method === 'POST' ? 413 : 200, { 'Content-Type': 'text/plain' });
      res.end(req.method ?? '');
    });
    await new Promise<void>((ready) => server!.listen(0, '127.0.0.1', ready));
    const { port } = server.address() as AddressInfo;
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const call = (method: string, body?: Buffer) =>
      new Promise<{ status: number; socket: unknown }>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, method, path: '/api/uploads', agent }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, socket: req.socket }));
        });
        req.on('error', reject);
        req.end(body);
      });
    const refused = await call('POST', Buffer.alloc(3 * 1024 * 1024));
    const next = await call('GET');
    agent.destroy();
    expect(refused.status).toBe(413);
    expect(next.status).toBe(200);
    expect(next.socket).toBe(refused.socket);
  });

  it('has no server-wide request timeout (uploads run on their own deadlines), bounded header time, long keep-alive', () => {
    server = createConsoleHttpServer(() => undefined);
    expect(server.requestTimeout).toBe(0);
    expect(server.headersTimeout).toBe(30_000);
    expect(server.keepAliveTimeout).toBe(65_000);
    expect(server.timeout).toBe(0);
  });

  it('is what npm start and the end-to-end consoles serve through (not `next start`)', () => {
    const serverScript = readFileSync(path.join(root, 'lib/cli/server.mjs'), 'utf8');
    expect(serverScript).toContain('createConsoleHttpServer(app.getRequestHandler()');
    const start = readFileSync(path.join(root, 'lib/cli/start.mjs'), 'utf8');
    expect(start).toMatch(/spawn\(process\.execPath, \[path\.join\(root, 'lib', 'cli', 'server\.mjs'\)/);
    expect(start).not.toMatch(/'next', 'start'/);
    const playwright = readFileSync(path.join(root, 'playwright.config.ts'), 'utf8');
    expect(playwright).not.toContain('next start');
    expect(playwright.match(/node lib\/cli\/server\.mjs -H 127\.0\.0\.1 -p/g)).toHaveLength(3);
  });

  it('stamps the socket address, replacing a client-sent header and ignoring X-Forwarded-For', async () => {
    const { port } = await echoServer();
    const res = await get(port, '/api/me', { [CLIENT_ADDRESS_HEADER]: '6.6.6.6', 'x-forwarded-for': '7.7.7.7' });
    expect(JSON.parse(res.body)).toEqual({ address: '127.0.0.1' });
  });

  it('behind one trusted proxy, believes the last X-Forwarded-For entry only', async () => {
    const { port } = await echoServer(1);
    const res = await get(port, '/', { 'x-forwarded-for': '6.6.6.6, 203.0.113.9', [CLIENT_ADDRESS_HEADER]: '1.1.1.1' });
    expect(JSON.parse(res.body)).toEqual({ address: '203.0.113.9' });
  });

  it('answers an undecodable path with 400 (JSON under /api/) without calling Next', async () => {
    const { port, seen } = await echoServer();
    const api = await get(port, '/api/tracks/%FF%FE');
    expect(api.status).toBe(400);
    expect(api.type).toContain('application/json');
    expect(JSON.parse(api.body).error.code).toBe('invalid_input');
    expect((await get(port, '/tracks/%E0%A4%A')).status).toBe(400);
    expect(seen).toHaveLength(0);
    expect((await get(port, '/api/tracks/caf%C3%A9?q=%FF')).status).toBe(200);
  });
});

describe('clientAddressOf', () => {
  const peer = '10.0.0.5';
  it.each([
    [0, '6.6.6.6', peer],
    [1, '6.6.6.6', '6.6.6.6'],
    [1, '6.6.6.6, 198.51.100.2', '198.51.100.2'],
    [2, '6.6.6.6, 198.51.100.2', '6.6.6.6'],
    [2, '198.51.100.2', peer],
    [1, 'not-an-address', peer],
    [1, '198.51.100.2:51234', '198.51.100.2'],
    [1, '[2001:DB8::1]:443', '2001:db8::1'],
    [1, undefined, peer],
  ] as const)('with %i trusted hop(s) and X-Forwarded-For %j: %s', (hops, forwardedFor, expected) => {
    expect(clientAddressOf({ remoteAddress: peer, forwardedFor, trustedProxyHops: hops })).toBe(expected);
  });

  it('joins repeated X-Forwarded-For headers in order', () => {
    expect(clientAddressOf({ remoteAddress: peer, forwardedFor: ['1.1.1.1', '2.2.2.2, 3.3.3.3'], trustedProxyHops: 2 })).toBe('2.2.2.2');
  });

  it('reports an IPv4-mapped socket address as IPv4', () => {
    expect(clientAddressOf({ remoteAddress: '::ffff:192.0.2.1', forwardedFor: undefined, trustedProxyHops: 0 })).toBe('192.0.2.1');
  });

  it('is written in the header the routes read', () => {
    expect(CLIENT_ADDRESS_HEADER).toBe(HEADER_READ_BY_ROUTES);
  });
});

describe('parseTrustedProxyHops', () => {
  it('reads a small whole number, unset as 0, and refuses anything else', () => {
    expect(parseTrustedProxyHops(undefined)).toBe(0);
    expect(parseTrustedProxyHops('')).toBe(0);
    expect(parseTrustedProxyHops('2')).toBe(2);
    expect(() => parseTrustedProxyHops('-1')).toThrow(/TRUSTED_PROXY_HOPS/);
    expect(() => parseTrustedProxyHops('yes')).toThrow(/TRUSTED_PROXY_HOPS/);
  });
});
