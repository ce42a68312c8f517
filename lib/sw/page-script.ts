// Scripts of the console's pages (`/_next/static/` chunks loaded by <script>), answered from the
// precache as a Response built here rather than the cached one itself.
// Chrome stores a *full* code cache (every function compiled) beside each script a service worker
// caches while installing, and a page answered with that cached Response deserialises all of it on
// the main thread before the script runs: 30-90 ms per large chunk in a traced warm /library, most of
// the warm start's blocking time. A Response built here carries no code cache, so Chrome compiles
// the script as on a first visit: streamed off the main thread, each function when first called.

/** A same-origin /_next/static script requested by a page's <script>. */
export const isPageScriptRequest = (request: Request, url: URL, origin: string) =>
  request.method === 'GET' &&
  request.destination === 'script' &&
  url.origin === origin &&
  url.pathname.startsWith('/_next/static/');
