// Covers of downloaded tracks, kept for as long as the track is offline. Not the worker's artwork
// cache (`spynners-artwork-v1`, stale-while-revalidate with an expiry and purged on quota errors:
// a cover could vanish while its track stays offline), and never the audio cache (which holds
// whole audio files only, see lib/pwa/audio-cache.ts). The worker does not read this cache: the
// console reads it directly (components/downloads/offline-artwork.tsx).
export const OFFLINE_ARTWORK_CACHE_NAME = 'spynners-offline-artwork-v1';

/** Same-origin path of a track's cover, no query string (the key in OFFLINE_ARTWORK_CACHE_NAME). */
export function artworkCacheKey(trackId: string): string {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(trackId)) throw new Error(`Not a track id: ${trackId}`);
  return `/api/tracks/${trackId}/artwork`;
}

const ARTWORK_PATH = /^\/api\/tracks\/([A-Za-z0-9_-]{1,64})\/artwork$/;

/** The track id if `url` is a track's cover URL (any query string ignored), else null. */
export function trackIdOfArtworkUrl(url: URL): string | null {
  return ARTWORK_PATH.exec(url.pathname)?.[1] ?? null;
}
