// Every cache the console's service worker reads or writes, by asset class. Names are versioned:
// a new layout of a cache gets a new name, and activation deletes the old names of OUR runtime
// caches (Workbox's precache cleans itself up with cleanupOutdatedCaches).
import { AUDIO_CACHE_NAME } from '@/lib/pwa/audio-cache';

export { AUDIO_CACHE_NAME };

/** Console documents and RSC payloads of one build (a page only works with its own build's chunks). */
export const PAGES_CACHE_PREFIX = 'spynners-pages-v1-';
export const pagesCacheName = (buildId: string) => `${PAGES_CACHE_PREFIX}${buildId}`;

/** Track covers (`/api/tracks/{id}/artwork`). */
export const ARTWORK_CACHE_PREFIX = 'spynners-artwork-';
export const ARTWORK_CACHE_NAME = `${ARTWORK_CACHE_PREFIX}v1`;

/** Families of runtime caches this worker owns; the audio cache is not one (downloads own it). */
const OWNED_PREFIXES = ['spynners-pages-', ARTWORK_CACHE_PREFIX];

/** The caches to delete on activation: our own families' names that are not current. */
export function outdatedRuntimeCaches(existing: readonly string[], current: readonly string[]): string[] {
  return existing.filter(
    (name) => OWNED_PREFIXES.some((prefix) => name.startsWith(prefix)) && !current.includes(name) && name !== AUDIO_CACHE_NAME,
  );
}

/** Every pages cache, of any build or version (sign-out / sign-in purge them all). */
export const isPagesCache = (name: string) => name.startsWith('spynners-pages-');
