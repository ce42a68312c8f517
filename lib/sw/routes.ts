// Which requests the worker handles, and how: pure functions of the Request, tested in Node.
import { isArtworkPath } from '@/lib/domain/artwork';

/** Console screens (server-rendered behind the session check in app/(console)/layout.tsx). */
const CONSOLE_PATHS = [
  /^\/library\/?$/,
  /^\/tracks\/[A-Za-z0-9_-]+\/?$/,
  /^\/playlists\/?$/,
  /^\/playlists\/[A-Za-z0-9_-]+\/?$/,
  /^\/vip\/?$/,
  /^\/profile\/?$/,
  /^\/downloads\/?$/,
  /^\/sessions\/?$/,
  /^\/console\/?$/,
];

/** The tabs warmed into the pages cache, so a cold start offline opens any of them. */
export const WARM_PATHS = ['/library', '/console', '/sessions', '/playlists', '/vip', '/downloads', '/profile'] as const;

/** Where the bare address `/` sends a signed-in DJ (app/page.tsx), and the app's start URL (app/manifest.ts). */
export const START_PATH = '/library';

/**
 * A navigation to the bare address: online the server redirects (start screen or sign-in);
 * offline the worker sends a signed-in DJ to the start screen's saved copy.
 */
export function isBareAddressNavigation(request: Request, url: URL, origin: string): boolean {
  return request.mode === 'navigate' && url.origin === origin && url.pathname === '/';
}

/** The precached page shown for a navigation that has neither network nor cached copy. */
export const OFFLINE_PATH = '/offline';

export const isConsolePath = (pathname: string) => CONSOLE_PATHS.some((re) => re.test(pathname));

export type PageKind = 'document' | 'rsc';
export type ConsoleRequestKind = PageKind | 'prefetch';

/** App Router navigations fetch RSC payloads: `RSC: 1` header and a `_rsc` cache-busting param. */
export function isRscRequest(request: Request, url: URL): boolean {
  return request.headers.get('rsc') === '1' || url.searchParams.has('_rsc');
}

/** Prefetches carry partial payloads (loading states, segments): never worth keeping. */
export function isPrefetch(request: Request): boolean {
  return request.headers.get('next-router-prefetch') === '1' || request.headers.has('next-router-segment-prefetch');
}

/** A console document, RSC payload or RSC prefetch of a console route, or null. */
export function consoleRequestKind(request: Request, url: URL, origin: string): ConsoleRequestKind | null {
  if (request.method !== 'GET' || url.origin !== origin || !isConsolePath(url.pathname)) return null;
  if (isRscRequest(request, url)) return isPrefetch(request) ? 'prefetch' : 'rsc';
  if (request.mode === 'navigate' || request.destination === 'document') return 'document';
  return null;
}

/** Any other same-origin navigation outside the API (sign-in, `/`…): network, offline page on failure. */
export function isOtherNavigation(request: Request, url: URL, origin: string): boolean {
  return request.mode === 'navigate' && url.origin === origin && !url.pathname.startsWith('/api/');
}

/** `/api/users/:id/avatar` (the header's and profiles' photos): kept like covers, so they show offline. */
const AVATAR_PATH = /^\/api\/users\/[A-Za-z0-9_-]{1,64}\/avatar$/;

/** A cover or a member's photo: images the worker keeps (stale-while-revalidate) for offline starts. */
export const isArtworkRequest = (request: Request, url: URL, origin: string) =>
  request.method === 'GET' && url.origin === origin && (isArtworkPath(url.pathname) || AVATAR_PATH.test(url.pathname));

/**
 * A resized cover (`?size=`) with neither network nor copy: the cover itself, which a download or
 * an earlier visit may have kept, stands in (the lock screen offline keeps its artwork).
 */
export function plainArtworkUrl(url: URL): string | null {
  return isArtworkPath(url.pathname) && url.search !== '' ? url.origin + url.pathname : null;
}

export const isNextStaticRequest = (request: Request, url: URL, origin: string) =>
  request.method === 'GET' && url.origin === origin && url.pathname.startsWith('/_next/static/');

/**
 * Sign-in and sign-out go to next-auth untouched (never cached, never answered by the worker), but
 * the worker hears them: the cached console pages hold the signed-in DJ's name, so they go when the
 * DJ changes (`POST /api/auth/callback/*`) or leaves (`POST /api/auth/signout`).
 */
export function changesUser(request: Request, url: URL, origin: string): boolean {
  return (
    request.method === 'POST' &&
    url.origin === origin &&
    (url.pathname === '/api/auth/signout' || url.pathname.startsWith('/api/auth/callback/'))
  );
}
