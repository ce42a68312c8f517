import { describe, expect, it, vi } from 'vitest';
import { AUDIO_CACHE_NAME, audioCacheKey, isWholeAudioResponse, storeTrackAudio, toCacheableAudio, trackIdOfAudioUrl } from '@/lib/pwa/audio-cache';
import { answerAudio } from '@/lib/sw/audio-route';
import { createRecentAudio } from '@/lib/sw/recent-audio';

const ORIGIN = 'http://127.0.0.1:3100';
const BYTES = Uint8Array.from({ length: 64 }, (_, i) => i);

/** Cache Storage with one cache holding `entries` (URL → body); match() honours cacheName. */
function fakeCaches(entries: Record<string, Uint8Array<ArrayBuffer>>) {
  const match = vi.fn(async (request: RequestInfo | URL, options?: MultiCacheQueryOptions) => {
    if (options?.cacheName !== AUDIO_CACHE_NAME) return undefined;
    const body = entries[String(request)];
    return body ? new Response(body, { headers: { 'content-type': 'audio/mpeg', 'content-length': String(body.length) } }) : undefined;
  });
  return { match };
}

const network = () => vi.fn(async () => new Response('from the network', { status: 206 }));

describe('answerAudio', () => {
  it('answers a downloaded track from the audio cache, with ranges, without touching the network', async () => {
    const caches = fakeCaches({ [`${ORIGIN}/api/tracks/t1/audio`]: BYTES });
    const fetch = network();
    const res = await answerAudio(new Request(`${ORIGIN}/api/tracks/t1/audio`, { headers: { range: 'bytes=0-1' } }), { caches, fetch });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe('bytes 0-1/64');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(BYTES.slice(0, 2));
    expect(fetch).not.toHaveBeenCalled();
    expect(caches.match).toHaveBeenCalledWith(`${ORIGIN}/api/tracks/t1/audio`, { cacheName: AUDIO_CACHE_NAME, ignoreVary: true });
  });

  it('finds the copy whatever query string the player adds', async () => {
    const caches = fakeCaches({ [`${ORIGIN}/api/tracks/t1/audio`]: BYTES });
    const res = await answerAudio(new Request(`${ORIGIN}/api/tracks/t1/audio?v=2`), { caches, fetch: network() });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe('64');
  });

  it('sends a track that was not downloaded to the network as the same request', async () => {
    const fetch = network();
    const request = new Request(`${ORIGIN}/api/tracks/t2/audio`, { headers: { range: 'bytes=100-' } });
    const res = await answerAudio(request, { caches: fakeCaches({}), fetch });
    expect(fetch).toHaveBeenCalledWith(request);
    expect(await res.text()).toBe('from the network');
  });

  it('never answers other methods from the cache', async () => {
    const caches = fakeCaches({ [`${ORIGIN}/api/tracks/t1/audio`]: BYTES });
    const fetch = network();
    await answerAudio(new Request(`${ORIGIN}/api/tracks/t1/audio`, { method: 'DELETE' }), { caches, fetch });
    expect(fetch).toHaveBeenCalledOnce();
    expect(caches.match).not.toHaveBeenCalled();
  });
});

describe('answerAudio with the recent copies', () => {
  it('answers the next requests of a track without looking the cache up again, ranges included', async () => {
    const caches = fakeCaches({ [`${ORIGIN}/api/tracks/t1/audio`]: BYTES });
    const recent = createRecentAudio();
    const deps = { caches, fetch: network(), recent, now: () => 1000 };
    const probe = await answerAudio(new Request(`${ORIGIN}/api/tracks/t1/audio?a=1`, { headers: { range: 'bytes=0-1' } }), deps);
    expect(probe.status).toBe(206);
    const seek = await answerAudio(new Request(`${ORIGIN}/api/tracks/t1/audio?a=2`, { headers: { range: 'bytes=60-' } }), deps);
    expect(seek.status).toBe(206);
    expect(seek.headers.get('content-range')).toBe('bytes 60-63/64');
    expect(new Uint8Array(await seek.arrayBuffer())).toEqual(BYTES.slice(60));
    const whole = await answerAudio(new Request(`${ORIGIN}/api/tracks/t1/audio`), deps);
    expect(whole.status).toBe(200);
    expect(new Uint8Array(await whole.arrayBuffer())).toEqual(BYTES);
    const outside = await answerAudio(new Request(`${ORIGIN}/api/tracks/t1/audio`, { headers: { range: 'bytes=64-' } }), deps);
    expect(outside.status).toBe(416);
    expect(outside.headers.get('content-range')).toBe('bytes */64');
    expect(caches.match).toHaveBeenCalledTimes(1);
    expect(deps.fetch).not.toHaveBeenCalled();
  });

  it('never answers a removed download once the worker has forgotten (AUDIO_CHANGED, sign-in, sign-out)', async () => {
    const entries: Record<string, Uint8Array<ArrayBuffer>> = { [`${ORIGIN}/api/tracks/t1/audio`]: BYTES };
    const caches = fakeCaches(entries);
    const recent = createRecentAudio();
    const fetch = network();
    await answerAudio(new Request(`${ORIGIN}/api/tracks/t1/audio`), { caches, fetch, recent });
    delete entries[`${ORIGIN}/api/tracks/t1/audio`];
    recent.forget();
    const res = await answerAudio(new Request(`${ORIGIN}/api/tracks/t1/audio`, { headers: { range: 'bytes=0-1' } }), { caches, fetch, recent });
    expect(await res.text()).toBe('from the network');
    expect(fetch).toHaveBeenCalledOnce();
  });

  it('looks the cache up again once the copy is older than its TTL', async () => {
    const caches = fakeCaches({ [`${ORIGIN}/api/tracks/t1/audio`]: BYTES });
    const recent = createRecentAudio({ ttlMs: 10 });
    let clock = 0;
    const deps = { caches, fetch: network(), recent, now: () => clock };
    await answerAudio(new Request(`${ORIGIN}/api/tracks/t1/audio`), deps);
    clock = 5;
    await answerAudio(new Request(`${ORIGIN}/api/tracks/t1/audio`), deps);
    expect(caches.match).toHaveBeenCalledTimes(1);
    clock = 20;
    await answerAudio(new Request(`${ORIGIN}/api/tracks/t1/audio`), deps);
    expect(caches.match).toHaveBeenCalledTimes(2);
  });
});

describe('the audio cache contract', () => {
  it('keys a track by its same-origin audio path, no query string', () => {
    expect(AUDIO_CACHE_NAME).toBe('spynners-audio-v1');
    expect(audioCacheKey('abc_12-Z')).toBe('/api/tracks/abc_12-Z/audio');
    expect(() => audioCacheKey('../x')).toThrow();
    expect(trackIdOfAudioUrl(new URL(`${ORIGIN}/api/tracks/abc/audio?x=1`))).toBe('abc');
    expect(trackIdOfAudioUrl(new URL(`${ORIGIN}/api/tracks/abc/artwork`))).toBeNull();
  });

  it('accepts only whole 200 files with a type and a length', () => {
    const file = (status: number, headers: Record<string, string>) => new Response(status === 200 ? new Uint8Array(1) : null, { status, headers });
    expect(isWholeAudioResponse(file(200, { 'content-type': 'audio/mpeg', 'content-length': '1' }))).toBe(true);
    expect(isWholeAudioResponse(file(206, { 'content-type': 'audio/mpeg', 'content-length': '1', 'content-range': 'bytes 0-0/9' }))).toBe(false);
    expect(isWholeAudioResponse(file(200, { 'content-type': 'audio/mpeg' }))).toBe(false);
    expect(isWholeAudioResponse(file(200, { 'content-length': '1' }))).toBe(false);
  });
});

describe('storing a download', () => {
  it('keeps the whole body as a 200 with its type and exact length, under the track key', async () => {
    const put = vi.fn(async (_key: RequestInfo | URL, _res: Response) => undefined);
    const storage = { open: vi.fn(async () => ({ put })) } as unknown as CacheStorage;
    const streamed = new Response(BYTES, { headers: { 'content-type': 'audio/mpeg', etag: '"e1"' } }); // no length
    expect(await storeTrackAudio('t1', streamed, storage)).toBe(64);
    expect(storage.open).toHaveBeenCalledWith(AUDIO_CACHE_NAME);
    const [key, stored] = put.mock.calls[0]!;
    expect(key).toBe('/api/tracks/t1/audio');
    expect(isWholeAudioResponse(stored)).toBe(true);
    expect(Object.fromEntries(stored.headers)).toEqual({ 'content-type': 'audio/mpeg', 'content-length': '64', etag: '"e1"' });
    expect(new Uint8Array(await stored.arrayBuffer())).toEqual(BYTES);
  });

  it('refuses a partial or failed download', async () => {
    await expect(toCacheableAudio(new Response(BYTES, { status: 206, headers: { 'content-range': 'bytes 0-63/100' } }))).rejects.toThrow();
    await expect(toCacheableAudio(new Response(null, { status: 404 }))).rejects.toThrow();
  });
});
