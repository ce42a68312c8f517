/// <reference lib="webworker" />
// The console's service worker. Bundled by esbuild after `next build` and given its precache
// manifest by workbox-build (lib/cli/build-sw.mjs), served as /sw.js. Decisions: lib/sw/README.md.
import { clientsClaim } from 'workbox-core';
import { CacheExpiration, ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { registerRoute, setCatchHandler } from 'workbox-routing';
import { NetworkFirst, NetworkOnly, StaleWhileRevalidate } from 'workbox-strategies';
import { answerAudio } from './audio-route';
import { createDownloadedIndex } from './downloaded-index';
import { createRecentAudio } from './recent-audio';
import { isWorkerScriptRequest, withoutResponseUrl } from './worker-script';
import { listenForOutboxSync } from './outbox-sync';
import { ARTWORK_CACHE_NAME, isPagesCache, outdatedRuntimeCaches, pagesCacheName } from './cache-names';
import { documentCacheKey, documentPathsOf, isCacheableArtwork, isCacheablePage, meansSignedOut, warmPages } from './page-cache';
import {
  OFFLINE_PATH,
  changesUser,
  consoleRequestKind,
  isRscRequest,
  isArtworkRequest,
  isNextStaticRequest,
  isBareAddressNavigation,
  isOtherNavigation,
  plainArtworkUrl,
  START_PATH,
  type PageKind,
} from './routes';
import { AUDIO_CACHE_NAME, AUDIO_CHANGED_MESSAGE, trackIdOfAudioUrl } from '@/lib/pwa/audio-cache';
import { WAKE_MESSAGE } from '@/lib/pwa/wake-active-worker';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<PrecacheEntry | string> };

/** `.next/BUILD_ID`, inlined by lib/cli/build-sw.mjs. */
const BUILD_ID = process.env.SPYNNERS_BUILD_ID ?? 'dev';
const PAGES_CACHE = pagesCacheName(BUILD_ID);
const DAY = 24 * 60 * 60;
/** Cached shells live as long as a session (SESSION_MAX_AGE_HOURS, 7 days) and the query cache. */
const PAGES_MAX_AGE = 7 * DAY;
const NETWORK_TIMEOUT_SECONDS = 3;
const origin = self.location.origin;

// ---- Audio: downloaded tracks from spynners-audio-v1 (206 for ranges), others untouched.
// A plain listener rather than a Workbox route, and the first one: no router promise chain and no
// route matching on the path that starts playback (tests/bench/pwa-audio-start.bench.ts); no
// other listener needs to see these requests. Tracks the index knows are not downloaded are not
// intercepted at all (lib/sw/downloaded-index.ts: a stream through the worker would hold back an
// update). The copies answered last are kept for the next requests of the same track
// (lib/sw/recent-audio.ts). Both are renewed when downloads or the member change.
const recentAudio = createRecentAudio();
const downloaded = createDownloadedIndex(async () => {
  const keys = await (await caches.open(AUDIO_CACHE_NAME)).keys();
  return keys.map((request) => trackIdOfAudioUrl(new URL(request.url))).filter((id): id is string => id !== null);
});
void downloaded.refresh();

function audioChanged(): Promise<void> {
  recentAudio.forget();
  return downloaded.refresh();
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  const trackId = url.origin === origin ? trackIdOfAudioUrl(url) : null;
  if (trackId === null || downloaded.has(trackId) === false) return;
  event.respondWith(answerAudio(request, { caches, fetch: (r) => fetch(r), recent: recentAudio }));
  event.stopImmediatePropagation();
});

// ---- Web Worker scripts: from any cache (the precache has them; matching ignores the fragment),
// else network, as URL-less responses, so the worker keeps its own URL and Turbopack's bootstrap
// its `#params=` (lib/sw/worker-script.ts).
self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (!isWorkerScriptRequest(request, new URL(request.url), origin)) return;
  event.respondWith((async () => withoutResponseUrl((await caches.match(request)) ?? (await fetch(request))))());
  event.stopImmediatePropagation();
});

// ---- Precache: every file of .next/static (hashed names: never revalidated) and the offline page.
precacheAndRoute(self.__WB_MANIFEST, { cleanURLs: false });
cleanupOutdatedCaches();

// ---- Console pages: network first (3 s), then this build's copy.
const pagesExpiry = new ExpirationPlugin({ maxEntries: 80, maxAgeSeconds: PAGES_MAX_AGE, purgeOnQuotaError: true });

async function purgePages(): Promise<void> {
  const names = (await caches.keys()).filter(isPagesCache);
  await Promise.all(names.map((name) => caches.delete(name)));
}

function pageStrategy(kind: PageKind): NetworkFirst {
  return new NetworkFirst({
    cacheName: PAGES_CACHE,
    networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
    matchOptions: { ignoreVary: kind === 'document' },
    plugins: [
      { cacheKeyWillBeUsed: async ({ request }) => (kind === 'document' ? documentCacheKey(request.url) : request) },
      {
        fetchDidSucceed: async ({ response }) => {
          // Sent to /sign-in: whoever's console this cache holds is signed out.
          if (meansSignedOut(response)) await purgePages();
          return response;
        },
      },
      { cacheWillUpdate: async ({ response }) => (isCacheablePage(response, kind) ? response : null) },
      pagesExpiry,
    ],
  });
}
const documentStrategy = pageStrategy('document');
const rscStrategy = pageStrategy('rsc');

// ---- Sign-in / sign-out: next-auth answers them (never cached, never intercepted: this listener
// never calls respondWith, and no route matches them); the worker only drops the previous DJ's pages.
self.addEventListener('fetch', (event) => {
  if (!changesUser(event.request, new URL(event.request.url), origin)) return;
  event.waitUntil(Promise.all([purgePages(), audioChanged()]));
});

// ---- Artwork: stale-while-revalidate, capped.
registerRoute(
  ({ request, url }) => isArtworkRequest(request, url, origin),
  new StaleWhileRevalidate({
    cacheName: ARTWORK_CACHE_NAME,
    plugins: [
      { cacheWillUpdate: async ({ response }) => (isCacheableArtwork(response) ? response : null) },
      {
        handlerDidError: async ({ request }) => {
          const plain = plainArtworkUrl(new URL(request.url));
          return plain ? await caches.match(plain, { ignoreVary: true }) : undefined;
        },
      },
      new ExpirationPlugin({ maxEntries: 400, maxAgeSeconds: 30 * DAY, purgeOnQuotaError: true }),
    ],
  }),
);

registerRoute(({ request, url }) => consoleRequestKind(request, url, origin) === 'document', documentStrategy);
registerRoute(({ request, url }) => consoleRequestKind(request, url, origin) === 'rsc', rscStrategy);
// Prefetches are partial payloads: never kept; offline they get the "not here" answer below.
registerRoute(({ request, url }) => consoleRequestKind(request, url, origin) === 'prefetch', new NetworkOnly());

// ---- /_next/static files not in this build's precache (a newer build's HTML fetched while this
// worker is still active): any cache that has them (the waiting worker's precache), else network.
registerRoute(
  ({ request, url }) => isNextStaticRequest(request, url, origin),
  async ({ request }) => (await caches.match(request)) ?? fetch(request),
);

// ---- The bare address: the server's redirect; with no network, the start screen if its copy is
// kept (the pages cache exists only while a DJ is signed in: a sign-out or a redirect to /sign-in
// purges it), else the offline page (the catch handler).
registerRoute(
  ({ request, url }) => isBareAddressNavigation(request, url, origin),
  async ({ request }) => {
    try {
      return await fetch(request, { signal: AbortSignal.timeout(NETWORK_TIMEOUT_SECONDS * 1000) });
    } catch (error) {
      if (await isCached(START_PATH)) return Response.redirect(origin + START_PATH, 302);
      throw error;
    }
  },
);

// ---- Any other navigation: network, and the offline page when it fails.
registerRoute(({ request, url }) => isOtherNavigation(request, url, origin), new NetworkOnly());

setCatchHandler(async ({ request }) => {
  if (typeof request === 'string') return Response.error();
  if (request.destination === 'document') return (await matchPrecache(OFFLINE_PATH)) ?? Response.error();
  if (isRscRequest(request, new URL(request.url))) {
    // An RSC payload (or prefetch) with neither network nor copy. A non-RSC answer makes Next fall
    // back to a browser navigation of the same URL, which the document route answers from the
    // cache (or with the offline page); a network error would do the same, plus a console error.
    return new Response('The console is offline', { status: 503, headers: { 'content-type': 'text/plain' } });
  }
  return Response.error();
});

// ---- Warming: the tabs, and the pages the previous build had, so a cold start offline works.
async function isCached(path: string): Promise<boolean> {
  const cache = await caches.open(PAGES_CACHE);
  return (await cache.match(documentCacheKey(origin + path), { ignoreVary: true })) !== undefined;
}

function warm(event: ExtendableEvent, paths: readonly string[], stop?: () => boolean): Promise<string[]> {
  return warmPages({
    paths,
    stop,
    isCached,
    load: (path) =>
      documentStrategy.handle({
        event,
        request: new Request(origin + path, { credentials: 'same-origin', redirect: 'manual', headers: { accept: 'text/html' } }),
      }),
  });
}

async function pathsOfEarlierBuilds(): Promise<string[]> {
  const names = (await caches.keys()).filter((name) => isPagesCache(name) && name !== PAGES_CACHE);
  const keys = await Promise.all(names.map(async (name) => (await caches.open(name)).keys()));
  return documentPathsOf(keys.flat());
}

// No skipWaiting here: a new worker waits until the DJ accepts the update (components/pwa).
self.addEventListener('install', (event) => {
  event.waitUntil(pathsOfEarlierBuilds().then((paths) => warm(event, paths)).catch(() => undefined));
});

// ---- Activation: take the open console at once (first install), drop our outdated caches.
clientsClaim();
self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const stale = outdatedRuntimeCaches(await caches.keys(), [PAGES_CACHE, ARTWORK_CACHE_NAME]);
      await Promise.all(stale.map((name) => new CacheExpiration(name, { maxEntries: 1 }).delete()));
    })(),
  );
});

// ---- Background Sync: deliver the DJ's outbox (sets) with the page's rules (lib/offline/outbox).
listenForOutboxSync(self);

// ---- Messages from the console (lib/pwa/register.ts).
self.addEventListener('message', (event) => {
  const type = (event.data as { type?: unknown } | null)?.type;
  if (type === 'SKIP_WAITING') {
    void self.skipWaiting();
  } else if (type === WAKE_MESSAGE) {
    // The page makes sure this (active) worker runs before its successor skips waiting.
    event.ports[0]?.postMessage({ type: WAKE_MESSAGE });
  } else if (type === AUDIO_CHANGED_MESSAGE) {
    event.waitUntil(audioChanged());
  } else if (type === 'WARM_PAGES') {
    // Asked of the active worker: it gives way as soon as a new version is waiting.
    event.waitUntil(warm(event, [], () => self.registration.waiting !== null));
  }
});
