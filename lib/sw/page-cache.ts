// The console's app shell: its server-rendered documents and RSC payloads, kept per build.
// Decisions in lib/sw/README.md. Pure helpers (no worker globals), tested in tests/unit/sw.
import { WARM_PATHS, isConsolePath, type PageKind } from './routes';

/**
 * Documents are kept by path alone: `/library?genre=house` opens from the `/library` copy (filters
 * live in the URL and are applied on the client from the query cache). RSC payloads keep their
 * whole URL: `_rsc` hashes the router state the payload was rendered against.
 */
export function documentCacheKey(url: string): string {
  const { origin, pathname } = new URL(url);
  return origin + pathname;
}

/**
 * Only a plain, same-origin 200 of the expected type is kept. Never a redirect (a signed-out
 * visitor is sent to /sign-in), never a response that sets a cookie, never an error page.
 * (Browsers hide Set-Cookie from service workers, so that check only guards other runtimes; console
 * pages cannot set cookies anyway: server components can't, and proxy.ts only sets the CSP headers.)
 * A kept document keeps its headers: its Content-Security-Policy carries the nonce its scripts were
 * rendered with, so a copy answered offline is allowed exactly what the original was.
 */
export function isCacheablePage(response: Response, kind: PageKind): boolean {
  if (response.type !== 'basic' && response.type !== 'default') return false;
  if (response.status !== 200 || response.redirected) return false;
  if (response.headers.has('set-cookie')) return false;
  const type = response.headers.get('content-type') ?? '';
  return kind === 'document' ? type.startsWith('text/html') : type.startsWith('text/x-component');
}

/** A console page answered with a redirect: the session is over (the layout sends to /sign-in). */
export function meansSignedOut(response: Response): boolean {
  return response.type === 'opaqueredirect' || response.redirected || (response.status >= 300 && response.status < 400);
}

/** Document paths kept in earlier pages caches (no RSC payloads), to warm the new build's cache. */
export function documentPathsOf(keys: readonly Request[]): string[] {
  const paths = new Set<string>();
  for (const request of keys) {
    const url = new URL(request.url);
    if (!url.searchParams.has('_rsc') && isConsolePath(url.pathname)) paths.add(url.pathname);
  }
  return [...paths];
}

export interface WarmDeps {
  /** Paths to have in the cache (the tabs come first, then anything else, capped). */
  paths: readonly string[];
  isCached: (path: string) => Promise<boolean>;
  /** Fetches the document and caches it if it is cacheable (the pages strategy does both). */
  load: (path: string) => Promise<unknown>;
  max?: number;
  /**
   * Checked before each page: true ends the warming. The active worker's warming is an extended
   * event, and a new version cannot activate until it settles (a DJ who accepted an update would
   * wait for every tab to render).
   */
  stop?: () => boolean;
}

/**
 * Makes sure the console's tabs (and the given paths) are in the pages cache, one request at a
 * time (a 2-core server renders them). Never throws: warming is best effort, and a failure (offline,
 * signed out) leaves the cache as it was. Resolves to the paths loaded.
 */
export async function warmPages({ paths, isCached, load, max = 24, stop }: WarmDeps): Promise<string[]> {
  const wanted = [...new Set([...WARM_PATHS, ...paths])].filter(isConsolePath).slice(0, max);
  const loaded: string[] = [];
  for (const path of wanted) {
    if (stop?.()) break;
    try {
      if (await isCached(path)) continue;
      await load(path);
      loaded.push(path);
    } catch {
      // offline, timed out or signed out: nothing to keep for this path
    }
  }
  return loaded;
}

/** Covers are kept only as same-origin 200 images (a track without artwork answers a JSON 404). */
export function isCacheableArtwork(response: Response): boolean {
  return (
    (response.type === 'basic' || response.type === 'default') &&
    response.status === 200 &&
    (response.headers.get('content-type') ?? '').startsWith('image/')
  );
}
