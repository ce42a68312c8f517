import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendRead } from '@/lib/base44/http-reads';

let server: http.Server;
let base: string;
const seen: Array<{ url: string; authorization?: string }> = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push({ url: req.url!, authorization: req.headers.authorization });
    if (req.url === '/json') {
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.setHeader('set-cookie', ['a=1', 'b=2']);
      res.end(JSON.stringify({ ok: true }));
    } else if (req.url === '/moved') {
      res.writeHead(302, { location: '/file' }).end();
    } else if (req.url === '/file') {
      res.setHeader('content-type', 'audio/mpeg');
      res.end(Buffer.alloc(100_000, 7));
    } else if (req.url === '/hang') {
      // never answers
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('no such thing');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('sendRead (upstream GET/HEAD)', () => {
  it('answers like fetch: status, headers (repeated ones too) and the JSON body, with the request headers sent', async () => {
    const response = await sendRead(new Request(`${base}/json`, { headers: { Authorization: 'Bearer t1' } }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(await response.json()).toEqual({ ok: true });
    expect(seen.at(-1)).toEqual({ url: '/json', authorization: 'Bearer t1' });
  });

  it('follows a redirect to a file and streams every byte', async () => {
    const response = await sendRead(new Request(`${base}/moved`));
    expect(response.status).toBe(200);
    expect((await response.arrayBuffer()).byteLength).toBe(100_000);
  });

  it('passes error statuses through with their body', async () => {
    const response = await sendRead(new Request(`${base}/missing`));
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('no such thing');
  });

  it('a HEAD has no body', async () => {
    const response = await sendRead(new Request(`${base}/file`, { method: 'HEAD' }));
    expect(response.status).toBe(200);
    expect(response.body).toBeNull();
  });

  it('stops waiting when the request is aborted', async () => {
    const started = Date.now();
    await expect(sendRead(new Request(`${base}/hang`, { signal: AbortSignal.timeout(200) }))).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
