import { afterEach, describe, expect, it } from 'vitest';
import { createBase44 } from '@/lib/base44/base44';
import { Base44Error } from '@/lib/base44/errors';
import { startFakeUpstream } from './support/fake-upstream';

const FILE = Buffer.from('0123456789');
let upstream: Awaited<ReturnType<typeof startFakeUpstream>> | undefined;
afterEach(async () => {
  await upstream?.close();
  upstream = undefined;
});

/** A file server that answers ranges the way storage buckets do. */
async function fileServer() {
  upstream = await startFakeUpstream((hit, res) => {
    if (!hit.url.pathname.startsWith('/files/')) return res.writeHead(404).end();
    const common = { 'content-type': 'audio/mpeg', 'accept-ranges': 'bytes', etag: '"v1"', 'set-cookie': 'tracking=1' };
    const range = /^bytes=(\d+)-(\d*)$/.exec(hit.headers.range ?? '');
    if (!range) return res.writeHead(200, { ...common, 'content-length': String(FILE.length) }).end(FILE);
    const start = Number(range[1]);
    const end = range[2] ? Number(range[2]) : FILE.length - 1;
    if (start >= FILE.length) return res.writeHead(416, { 'content-range': `bytes */${FILE.length}` }).end();
    res.writeHead(206, { ...common, 'content-range': `bytes ${start}-${end}/${FILE.length}`, 'content-length': String(end - start + 1) });
    res.end(FILE.subarray(start, end + 1));
  });
  const base44 = createBase44({ serverUrl: upstream.url, appId: 'app', timeoutMs: 1_000 });
  return { base44, url: `${upstream.url}/files/track.mp3`, hits: upstream.hits };
}

describe('fetchMedia', () => {
  it('streams a whole file with its headers', async () => {
    const { base44, url } = await fileServer();
    const response = await base44.fetchMedia(url);
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toEqual({
      'content-type': 'audio/mpeg', 'content-length': '10', 'accept-ranges': 'bytes', etag: '"v1"',
    });
    expect(Buffer.from(await response.arrayBuffer()).toString()).toBe('0123456789');
  });

  it('passes Range through and keeps the 206 and its Content-Range', async () => {
    const { base44, url, hits } = await fileServer();
    const response = await base44.fetchMedia(url, { range: 'bytes=0-1' });
    expect(hits[0]?.headers.range).toBe('bytes=0-1');
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe('bytes 0-1/10');
    expect(await response.text()).toBe('01');
  });

  it('keeps a 416 with its Content-Range', async () => {
    const { base44, url } = await fileServer();
    const response = await base44.fetchMedia(url, { range: 'bytes=50-' });
    expect(response.status).toBe(416);
    expect(response.headers.get('content-range')).toBe('bytes */10');
  });

  it('reports a missing file as not_found and refuses URLs that are not http(s)', async () => {
    const { base44 } = await fileServer();
    await expect(base44.fetchMedia(`${upstream!.url}/elsewhere`)).rejects.toMatchObject({ code: 'not_found' });
    await expect(base44.fetchMedia('file:///etc/passwd')).rejects.toBeInstanceOf(Base44Error);
  });

  it('times out waiting for headers, but not while the body streams', async () => {
    upstream = await startFakeUpstream((hit, res) => {
      if (hit.url.pathname === '/hang') return;
      res.writeHead(200, { 'content-type': 'audio/mpeg' });
      res.write('first');
      setTimeout(() => res.end('-second'), 400);
    });
    const base44 = createBase44({ serverUrl: upstream.url, appId: 'app', timeoutMs: 250 });
    await expect(base44.fetchMedia(`${upstream.url}/hang`)).rejects.toMatchObject({ code: 'timeout' });
    const slow = await base44.fetchMedia(`${upstream.url}/slow`);
    expect(await slow.text()).toBe('first-second');
  });
});
