// `/api/tracks/{id}/audio`: a downloaded track is answered from `spynners-audio-v1`, byte ranges
// included; anything else goes to the network as it came. The worker never writes audio: only
// explicit downloads fill the cache (see lib/pwa/audio-cache.ts).
import { AUDIO_CACHE_NAME, audioCacheKey, trackIdOfAudioUrl } from '@/lib/pwa/audio-cache';
import { rangeResponse } from './range-response';

export interface AudioRouteDeps {
  caches: Pick<CacheStorage, 'match'>;
  fetch: (request: Request) => Promise<Response>;
}

export async function answerAudio(request: Request, { caches, fetch }: AudioRouteDeps): Promise<Response> {
  const url = new URL(request.url);
  const trackId = request.method === 'GET' ? trackIdOfAudioUrl(url) : null;
  if (trackId) {
    // By the path alone, ignoring Vary: the proxy's copy says `Vary: Range`, and media requests
    // carry a Range the download did not.
    const key = new URL(audioCacheKey(trackId), url.origin).href;
    const cached = await caches.match(key, { cacheName: AUDIO_CACHE_NAME, ignoreVary: true }).catch(() => undefined);
    if (cached) return rangeResponse(cached, request.headers.get('range'));
  }
  return fetch(request);
}
