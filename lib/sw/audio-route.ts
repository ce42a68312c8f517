// `/api/tracks/{id}/audio`: a downloaded track is answered from `spynners-audio-v1`, byte ranges
// included; anything else goes to the network as it came. The worker never writes audio: only
// explicit downloads fill the cache (see lib/pwa/audio-cache.ts).
import { AUDIO_CACHE_NAME, audioCacheKey, trackIdOfAudioUrl } from '@/lib/pwa/audio-cache';
import { answerFromCopy, audioCopyOf } from './range-response';
import type { RecentAudio } from './recent-audio';

export interface AudioRouteDeps {
  caches: Pick<CacheStorage, 'match'>;
  fetch: (request: Request) => Promise<Response>;
  /** The copies answered last (see ./recent-audio.ts); none: every request looks the cache up. */
  recent?: RecentAudio;
  now?: () => number;
}

export async function answerAudio(request: Request, { caches, fetch, recent, now = Date.now }: AudioRouteDeps): Promise<Response> {
  const url = new URL(request.url);
  const trackId = request.method === 'GET' ? trackIdOfAudioUrl(url) : null;
  if (trackId) {
    const key = new URL(audioCacheKey(trackId), url.origin).href;
    const range = request.headers.get('range');
    const known = recent?.get(key, now());
    if (known) return answerFromCopy(known, range);
    const generation = recent?.generation() ?? 0;
    // In the audio cache only, by the path alone, ignoring Vary: the proxy's copy says
    // `Vary: Range`, and media requests carry a Range the download did not.
    const cached = await caches.match(key, { cacheName: AUDIO_CACHE_NAME, ignoreVary: true }).catch(() => undefined);
    if (cached) {
      const copy = await audioCopyOf(cached);
      recent?.set(key, copy, now(), generation);
      return answerFromCopy(copy, range);
    }
  }
  return fetch(request);
}
