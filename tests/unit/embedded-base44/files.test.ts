import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedServer } from '../../../lib/embedded-base44';
import { APP_ID, BASE_URL, startTestBackend, type TestBackend } from './support';

const LIMIT = 64 * 1024;
const CONTENT = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7) % 251);

let api: TestBackend;
let dj: string;
let fileUrl: string;

function upload(body: BodyInit, headers: Record<string, string> = {}, token = dj): Promise<Response> {
  return api.backend.handle(
    new Request(`${BASE_URL}/api/apps/${APP_ID}/integration-endpoints/Core/UploadFile`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, ...headers },
      body,
      duplex: 'half',
    } as RequestInit),
  );
}

function form(bytes: Uint8Array<ArrayBuffer>, name = 'clip.mp3', type = 'audio/mpeg'): FormData {
  const data = new FormData();
  data.append('file', new File([bytes], name, { type }));
  return data;
}

/** A chunked body: no Content-Length, so only counting while streaming can stop it. */
function chunkedMultipart(size: number): { body: ReadableStream<Uint8Array>; contentType: string } {
  const boundary = 'testboundary42';
  const head = new TextEncoder().encode(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = new TextEncoder().encode(`\r\n--${boundary}--\r\n`);
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(head);
    },
    pull(controller) {
      if (sent >= size) {
        controller.enqueue(tail);
        controller.close();
        return;
      }
      const chunk = new Uint8Array(Math.min(16 * 1024, size - sent)).fill(65);
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

const storedFiles = () => readdirSync(path.join(api.dataDir, 'files')).sort();

beforeAll(async () => {
  api = await startTestBackend({ maxUploadBytes: LIMIT });
  dj = await api.login('dj@spynners.local');
  const answer = await upload(form(CONTENT));
  expect(answer.status).toBe(200);
  fileUrl = ((await answer.json()) as { file_url: string }).file_url;
});
afterAll(() => api.close());

const get = (headers: Record<string, string> = {}, method = 'GET') => api.backend.handle(new Request(fileUrl, { method, headers }));

describe('upload', () => {
  it('stores the file under an unguessable name and returns its URL', () => {
    expect(fileUrl).toMatch(new RegExp(`^${BASE_URL}/api/apps/${APP_ID}/files/[0-9a-f]{32}\\.mp3$`));
  });

  it('needs a session, a multipart body and a file field', async () => {
    expect((await upload(form(CONTENT), {}, 'not-a-token')).status).toBe(401);
    expect((await upload('{"file":"x"}', { 'content-type': 'application/json' })).status).toBe(400);
    const noFile = new FormData();
    noFile.append('other', 'value');
    expect((await upload(noFile)).status).toBe(400);
  });

  it('refuses a declared length over the limit before reading the body', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const answer = await upload(body, { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(10 * LIMIT) });
    expect(answer.status).toBe(413);
    expect(await answer.json()).toMatchObject({ code: 'payload_too_large' });
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it('cuts a chunked upload off at the limit and deletes the partial file', async () => {
    const before = storedFiles();
    const { body, contentType } = chunkedMultipart(4 * LIMIT);
    const answer = await upload(body, { 'content-type': contentType });
    expect(answer.status).toBe(413);
    expect(storedFiles()).toEqual(before);
    const { body: small, contentType: smallType } = chunkedMultipart(LIMIT);
    expect((await upload(small, { 'content-type': smallType })).status).toBe(200);
  });

  it('answers 413 over HTTP too, and keeps serving', async () => {
    const server = await startEmbeddedServer({ dataDir: api.dataDir, port: 0, maxUploadBytes: LIMIT, jwtSecret: 'embedded-base44-tests-secret-0123456789' });
    try {
      const url = `${server.url}/api/apps/${APP_ID}/integration-endpoints/Core/UploadFile`;
      const { body, contentType } = chunkedMultipart(16 * LIMIT);
      const chunked = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${dj}`, 'content-type': contentType }, body, duplex: 'half' } as RequestInit);
      expect(chunked.status).toBe(413);
      const declared = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${dj}` }, body: form(new Uint8Array(2 * LIMIT)) });
      expect(declared.status).toBe(413);
      const ok = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${dj}` }, body: form(CONTENT) });
      expect(ok.status).toBe(200);
      const served = await fetch(((await ok.json()) as { file_url: string }).file_url, { headers: { range: 'bytes=10-19' } });
      expect(served.status).toBe(206);
      expect(new Uint8Array(await served.arrayBuffer())).toEqual(CONTENT.slice(10, 20));
    } finally {
      await server.close();
    }
  });
});

describe('serving with ranges', () => {
  it('serves the whole file publicly with its type and length', async () => {
    const answer = await get();
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('audio/mpeg');
    expect(answer.headers.get('accept-ranges')).toBe('bytes');
    expect(answer.headers.get('content-length')).toBe('5000');
    expect(new Uint8Array(await answer.arrayBuffer())).toEqual(CONTENT);
  });

  it.each([
    ['bytes=0-1', 0, 1],
    ['bytes=100-', 100, 4999],
    ['bytes=-500', 4500, 4999],
    ['bytes=4990-9999', 4990, 4999],
    ['bytes=-9999', 0, 4999],
  ])('answers %s with 206 and the right bytes', async (range, start, end) => {
    const answer = await get({ range });
    expect(answer.status).toBe(206);
    expect(answer.headers.get('content-range')).toBe(`bytes ${start}-${end}/5000`);
    expect(answer.headers.get('content-length')).toBe(String(end - start + 1));
    expect(new Uint8Array(await answer.arrayBuffer())).toEqual(CONTENT.slice(start, end + 1));
  });

  it.each(['bytes=5000-', 'bytes=9000-9100', 'bytes=-0'])('answers %s with 416 and the size', async (range) => {
    const answer = await get({ range });
    expect(answer.status).toBe(416);
    expect(answer.headers.get('content-range')).toBe('bytes */5000');
  });

  it.each(['bytes=abc', 'items=0-1', 'bytes=5-2', 'bytes=0-1,4-5'])('ignores the unusable range %s and sends the whole file', async (range) => {
    const answer = await get({ range });
    expect(answer.status).toBe(200);
    expect((await answer.arrayBuffer()).byteLength).toBe(5000);
  });

  it('answers HEAD, conditional and If-Range requests', async () => {
    const head = await get({}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('5000');
    expect(head.body).toBeNull();
    const etag = head.headers.get('etag')!;
    expect(head.headers.get('last-modified')).toBeTruthy();
    expect((await get({ 'if-none-match': etag })).status).toBe(304);
    expect((await get({ range: 'bytes=0-1', 'if-range': etag })).status).toBe(206);
    expect((await get({ range: 'bytes=0-1', 'if-range': '"stale"' })).status).toBe(200);
  });

  it('answers 404 for unknown and unsafe names', async () => {
    for (const name of ['0123456789abcdef0123456789abcdef.mp3', '..%2F..%2Fbase44.sqlite', '.jwt-secret']) {
      const answer = await api.backend.handle(new Request(`${BASE_URL}/api/apps/${APP_ID}/files/${name}`));
      expect(answer.status, name).toBe(404);
    }
  });
});
