// The offline audio contract shared by the service worker (lib/sw) and the download manager.
//
// Cache Storage, not IndexedDB: large blobs in IndexedDB are fragile on iOS (Dexie #1638, #2008),
// and Cache Storage hands the worker a disk-backed body it can slice for Range requests.
//
// - Name: AUDIO_CACHE_NAME. Bump the suffix only with a migration: the worker never deletes it.
// - Key: audioCacheKey(trackId) = the same-origin path `/api/tracks/{id}/audio`, no query string.
// - Value: the WHOLE file as a 200 response with Content-Type and Content-Length
//   (see isWholeAudioResponse). Cache Storage cannot hold a 206, and Safari refuses a 200 answer to
//   its `Range: bytes=0-1` probe, so the worker slices ranges out of this copy (lib/sw/range-response).
// - Only explicit downloads write here (`cache.put(audioCacheKey(id), response)`); the worker never
//   caches audio while streaming. Track ids are Base44 record ids ([A-Za-z0-9_-]).

export const AUDIO_CACHE_NAME = 'spynners-audio-v1';

/**
 * What a page posts to the worker after it removed audio from the cache: the worker answers the
 * tracks it just served from a short-lived copy (lib/sw/recent-audio.ts) and must drop it.
 */
export const AUDIO_CHANGED_MESSAGE = 'AUDIO_CHANGED';

const AUDIO_PATH = /^\/api\/tracks\/([A-Za-z0-9_-]{1,64})\/audio$/;

/** The cache key of a track's audio: `/api/tracks/{id}/audio` (same origin, no query string). */
export function audioCacheKey(trackId: string): string {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(trackId)) throw new Error(`Not a track id: ${trackId}`);
  return `/api/tracks/${trackId}/audio`;
}

/** The track id if `url` is a track's audio URL (any query string ignored), else null. */
export function trackIdOfAudioUrl(url: URL): string | null {
  return AUDIO_PATH.exec(url.pathname)?.[1] ?? null;
}

/** What may be stored under audioCacheKey: a whole 200 file whose length is declared. */
export function isWholeAudioResponse(res: Response): boolean {
  const length = res.headers.get('content-length');
  return (
    res.status === 200 &&
    !res.headers.has('content-range') &&
    Boolean(res.headers.get('content-type')) &&
    length !== null &&
    /^\d+$/.test(length)
  );
}

/**
 * The copy to store for a downloaded track: the whole body as a 200 with Content-Type and an exact
 * Content-Length (the proxy streams, so its answer may have no length). Rejects anything else.
 */
export async function toCacheableAudio(res: Response): Promise<Response> {
  if (res.status !== 200 || res.headers.has('content-range')) {
    throw new Error(`A track download must be a whole 200 response, not ${res.status}`);
  }
  const blob = await res.blob();
  const headers = new Headers({
    'content-type': res.headers.get('content-type') || blob.type || 'audio/mpeg',
    'content-length': String(blob.size),
  });
  for (const name of ['etag', 'last-modified']) {
    const value = res.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(blob, { status: 200, headers });
}

/** Stores a downloaded track under its key; resolves to its size in bytes. */
export async function storeTrackAudio(trackId: string, res: Response, storage: CacheStorage = caches): Promise<number> {
  const copy = await toCacheableAudio(res);
  await (await storage.open(AUDIO_CACHE_NAME)).put(audioCacheKey(trackId), copy.clone());
  return Number(copy.headers.get('content-length'));
}
