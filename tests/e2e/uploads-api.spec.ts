import { expect, test, type APIRequestContext } from '@playwright/test';
import { E2E } from './support/servers';
import { signInThroughApi, uniqueEmail } from './support/auth';
import { id3, mp3, png } from './support/audio-fixtures';

// The upload and My tracks HTTP contract, end to end (console :3100 → standalone backend): files
// are refused by content and size with a reason, tracks are created pending or not at all, and a
// producer touches only their own tracks.

interface Track { id: string; title: string; status: string; producerId: string | null; isVip: boolean }
interface ApiError { error: { code: string; message: string; issues?: { path: string; message: string }[] } }

const LIMIT = E2E.uploadLimitMb * 1024 * 1024;

function sendJson(request: APIRequestContext, method: string, url: string, body?: unknown) {
  return request.fetch(url, {
    method,
    headers: { Origin: E2E.consoleUrl, 'Content-Type': 'application/json' },
    data: body === undefined ? undefined : Buffer.from(JSON.stringify(body)),
  });
}

function upload(request: APIRequestContext, kind: string, file: { name: string; mimeType: string; buffer: Buffer }) {
  return request.post(`/api/uploads?kind=${kind}`, { headers: { Origin: E2E.consoleUrl }, multipart: { file } });
}

async function uploadCalls(request: APIRequestContext): Promise<number> {
  const stats = (await (await request.get(`${E2E.backendUrl}/__embedded/stats`)).json()) as { byRoute: Record<string, number> };
  return stats.byRoute['POST /integration-endpoints/Core/UploadFile'] ?? 0;
}

async function newProducer(playwright: typeof import('@playwright/test')['request']): Promise<APIRequestContext> {
  const context = await playwright.newContext({ baseURL: E2E.consoleUrl });
  await signInThroughApi(context, uniqueEmail('api-producer'), 'correct-horse-42', 'signup', {
    fullName: 'API Producer', artistName: 'API Producer', userType: 'producer', acceptTerms: 'true',
  });
  return context;
}

const metadata = {
  title: 'API Track', artist: 'API Producer', genre: 'Techno', bpm: 130, key: '5A', energy: 'high',
  isUnreleased: false, vipRequested: false, rightsConfirmed: true, freeDownloadAuthorized: false,
};

test.describe('Uploads and My tracks API', () => {
  test('a real MP3 and a PNG upload; a track from them is created pending', async ({ playwright }) => {
    const producer = await newProducer(playwright.request);
    const audio = await mp3('api.mp3', 130, 6, id3({ TIT2: 'API' }));
    const before = await uploadCalls(producer);
    const res = await upload(producer, 'audio', audio);
    expect(res.status()).toBe(200);
    const answer = await res.json();
    expect(answer).toMatchObject({ kind: 'audio', format: 'mp3', contentType: 'audio/mpeg', size: audio.buffer.length });
    expect(JSON.stringify(answer)).not.toMatch(/https?:|embedded|files\//);
    const art = await (await upload(producer, 'artwork', { name: 'cover.bin', mimeType: 'application/octet-stream', buffer: png() })).json();
    expect(art).toMatchObject({ kind: 'artwork', format: 'png', contentType: 'image/png' });
    expect(await uploadCalls(producer)).toBe(before + 2);

    const created = await sendJson(producer, 'POST', '/api/my-tracks', { ...metadata, audio: answer.receipt, artwork: art.receipt, durationSeconds: 6 });
    expect(created.status()).toBe(201);
    const track = (await created.json()) as Track;
    expect(track).toMatchObject({ title: 'API Track', status: 'pending', isVip: false });
    // A receipt names its kind and its owner: audio is not artwork, and it is not another member's.
    const swapped = await sendJson(producer, 'POST', '/api/my-tracks', { ...metadata, audio: art.receipt });
    expect(swapped.status()).toBe(400);
    const other = await newProducer(playwright.request);
    const stolen = await sendJson(other, 'POST', '/api/my-tracks', { ...metadata, audio: answer.receipt });
    expect(stolen.status()).toBe(400);
    expect(((await stolen.json()) as ApiError).error.issues).toEqual([{ path: 'audio', message: 'This upload is unknown or has expired: upload the file again' }]);
    expect(await (await other.get('/api/my-tracks')).json()).toEqual([]);
    await Promise.all([producer.dispose(), other.dispose()]);
  });

  test('a renamed non-audio file, an image as audio and an oversize file are refused with reasons; nothing reaches Base44', async ({ playwright }) => {
    const producer = await newProducer(playwright.request);
    const before = await uploadCalls(producer);

    const text = await upload(producer, 'audio', { name: 'my-hit.mp3', mimeType: 'audio/mpeg', buffer: Buffer.from('not audio at all, just a renamed text file\n'.repeat(20)) });
    expect(text.status()).toBe(415);
    expect(((await text.json()) as ApiError).error).toEqual({
      code: 'unsupported_media_type',
      message: 'This file is not an audio file we accept (MP3, WAV, AIFF, FLAC or M4A), whatever its name says',
    });
    const image = await upload(producer, 'audio', { name: 'cover.wav', mimeType: 'audio/wav', buffer: png() });
    expect(image.status()).toBe(415);
    expect(((await image.json()) as ApiError).error.message).toBe('This file is PNG, not an audio file (MP3, WAV, AIFF, FLAC or M4A)');

    // Declared too large: refused from Content-Length, before the body is read.
    const big = Buffer.concat([Buffer.from('ID3\x04\x00\x00\x00\x00\x00\x00', 'latin1'), Buffer.alloc(LIMIT + 64 * 1024)]);
    const oversize = await upload(producer, 'audio', { name: 'huge.mp3', mimeType: 'audio/mpeg', buffer: big });
    expect(oversize.status()).toBe(413);
    expect(((await oversize.json()) as ApiError).error).toEqual({ code: 'payload_too_large', message: `The file is larger than the limit of ${E2E.uploadLimitMb} MB` });

    const noFile = await producer.post('/api/uploads?kind=audio', { headers: { Origin: E2E.consoleUrl }, multipart: { note: 'hello' } });
    expect(noFile.status()).toBe(400);
    expect(((await noFile.json()) as ApiError).error.message).toBe('The upload has no "file" field');
    const badKind = await upload(producer, 'video', { name: 'a.mp3', mimeType: 'audio/mpeg', buffer: big.subarray(0, 100) });
    expect(badKind.status()).toBe(400);

    expect(await uploadCalls(producer)).toBe(before);
    expect(await (await producer.get('/api/my-tracks')).json()).toEqual([]);
    await producer.dispose();
  });

  test('a body with no Content-Length is counted as it streams and cut at the limit (413)', async ({ playwright }) => {
    const producer = await newProducer(playwright.request);
    const cookie = (await producer.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const boundary = 'chunked-e2e-boundary';
    const chunk = new Uint8Array(256 * 1024);
    // "Endless" is 40 times the limit; what the server never read may still sit in the kernel's
    // socket buffers (megabytes on loopback), so the bound is well above the limit, far below the end.
    const ENDLESS = LIMIT * 40;
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) {
          controller.enqueue(new TextEncoder().encode(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="endless.mp3"\r\nContent-Type: audio/mpeg\r\n\r\nID3\x04\x00\x00\x00\x00\x00\x00`));
        }
        if (sent > ENDLESS) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const res = await fetch(`${E2E.consoleUrl}/api/uploads?kind=audio`, {
      method: 'POST',
      headers: { Origin: E2E.consoleUrl, Cookie: cookie, 'Content-Type': `multipart/form-data; boundary=${boundary}` },
      body,
      duplex: 'half',
    } as RequestInit & { duplex: 'half' }).catch((error: unknown) => error as Error);
    // Either the 413 answer arrives, or the server stops reading and the send fails: never a stored file.
    if (res instanceof Response) {
      expect(res.status).toBe(413);
      expect(((await res.json()) as ApiError).error.code).toBe('payload_too_large');
    }
    expect(sent).toBeLessThan(ENDLESS / 2);
    expect(await (await producer.get('/api/my-tracks')).json()).toEqual([]);
    await producer.dispose();
  });

  test('a missing required field and a forged status: approved are refused (400) and create nothing', async ({ playwright }) => {
    const producer = await newProducer(playwright.request);
    const receipt = (await (await upload(producer, 'audio', await mp3('ok.mp3', 128, 4, id3({})))).json()).receipt as string;
    const { title: _missing, ...noTitle } = metadata;

    const missing = await sendJson(producer, 'POST', '/api/my-tracks', { ...noTitle, audio: receipt });
    expect(missing.status()).toBe(400);
    const missingError = ((await missing.json()) as ApiError).error;
    expect(missingError.code).toBe('invalid_input');
    expect(missingError.issues?.map((i) => i.path)).toEqual(['title']);

    const forged = await sendJson(producer, 'POST', '/api/my-tracks', { ...metadata, audio: receipt, status: 'approved' });
    expect(forged.status()).toBe(400);
    expect(((await forged.json()) as ApiError).error.issues).toEqual([
      { path: 'status', message: 'The status is set by review, not by the producer: new tracks are always pending' },
    ]);
    const vip = await sendJson(producer, 'POST', '/api/my-tracks', { ...metadata, audio: receipt, isVip: true });
    expect(vip.status()).toBe(400);
    const owner = await sendJson(producer, 'POST', '/api/my-tracks', { ...metadata, audio: receipt, producerId: 'someone-else' });
    expect(owner.status()).toBe(400);
    const noRights = await sendJson(producer, 'POST', '/api/my-tracks', { ...metadata, audio: receipt, rightsConfirmed: false });
    expect(((await noRights.json()) as ApiError).error.issues?.map((i) => i.path)).toEqual(['rightsConfirmed']);
    const fake = await sendJson(producer, 'POST', '/api/my-tracks', { ...metadata, audio: 'forged-receipt-forged-receipt-forged' });
    expect(fake.status()).toBe(400);
    expect(await (await producer.get('/api/my-tracks')).json()).toEqual([]);

    // And a forged status in an edit of one's own track: refused, the track stays pending.
    const track = (await (await sendJson(producer, 'POST', '/api/my-tracks', { ...metadata, audio: receipt })).json()) as Track;
    const promote = await sendJson(producer, 'PATCH', `/api/my-tracks/${track.id}`, { status: 'approved' });
    expect(promote.status()).toBe(400);
    expect((await (await producer.get('/api/my-tracks')).json())).toEqual([expect.objectContaining({ id: track.id, status: 'pending' })]);
    await producer.dispose();
  });

  test('a producer cannot edit or delete another producer\'s track (403), and nothing changes', async ({ playwright }) => {
    const owner = await playwright.request.newContext({ baseURL: E2E.consoleUrl });
    await signInThroughApi(owner, 'producer@spynners.local', E2E.demoPassword);
    // A pending track of the owner's made here (other specs may review the demo ones), and an approved demo one.
    const receipt = (await (await upload(owner, 'audio', await mp3('owned.mp3', 128, 4, id3({})))).json()).receipt as string;
    const pending = (await (await sendJson(owner, 'POST', '/api/my-tracks', { ...metadata, title: 'Owned Pending', audio: receipt })).json()) as Track;
    const theirs = (await (await owner.get('/api/my-tracks')).json()) as Track[];
    const approved = theirs.find((t) => t.status === 'approved')!;
    expect(pending.status).toBe('pending');
    const intruder = await newProducer(playwright.request);
    for (const track of [approved, pending]) {
      const edit = await sendJson(intruder, 'PATCH', `/api/my-tracks/${track.id}`, { title: 'Hijacked' });
      expect(edit.status()).toBe(403);
      expect(((await edit.json()) as ApiError).error.code).toBe('forbidden');
      const remove = await sendJson(intruder, 'DELETE', `/api/my-tracks/${track.id}`);
      expect(remove.status()).toBe(403);
    }
    const after = (await (await owner.get('/api/my-tracks')).json()) as Track[];
    expect(after).toEqual(theirs);
    await sendJson(owner, 'DELETE', `/api/my-tracks/${pending.id}`);
    await Promise.all([owner.dispose(), intruder.dispose()]);
  });

  test('a DJ can neither upload nor create, list, edit or delete tracks (403)', async ({ playwright }) => {
    const dj = await playwright.request.newContext({ baseURL: E2E.consoleUrl });
    await signInThroughApi(dj, E2E.demoDj, E2E.demoPassword);
    const before = await uploadCalls(dj);
    const res = await upload(dj, 'audio', await mp3('dj.mp3', 128, 4, id3({})));
    expect(res.status()).toBe(403);
    expect(((await res.json()) as ApiError).error).toEqual({ code: 'forbidden', message: 'Only producers can upload tracks' });
    expect((await sendJson(dj, 'POST', '/api/my-tracks', { ...metadata, audio: 'x'.repeat(40) })).status()).toBe(403);
    expect((await dj.get('/api/my-tracks')).status()).toBe(403);
    expect((await sendJson(dj, 'PATCH', '/api/my-tracks/abc', { title: 'x' })).status()).toBe(403);
    expect((await sendJson(dj, 'DELETE', '/api/my-tracks/abc')).status()).toBe(403);
    expect(await uploadCalls(dj)).toBe(before);
    // Cross-site uploads are refused before anything else.
    const cross = await dj.post('/api/uploads?kind=audio', { headers: { Origin: 'https://evil.example' }, multipart: { file: { name: 'a.mp3', mimeType: 'audio/mpeg', buffer: Buffer.from('ID3') } } });
    expect(cross.status()).toBe(403);
    await dj.dispose();
  });
});
