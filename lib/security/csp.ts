// The console's Content-Security-Policy for documents (issue #16, finding 6). Built per request by
// proxy.ts with a fresh nonce: Next reads the nonce back from the request's policy and stamps it on
// its own scripts. Each directive's reason: /tmp/docs/D.md → README security section.

/** Where browsers POST violation reports (app/api/csp-report/route.ts). */
export const CSP_REPORT_PATH = '/api/csp-report';

export interface DocumentPolicyOptions {
  /** Base64, fresh for every document (createNonce). */
  nonce: string;
  /** `next dev`: React rebuilds server error stacks with eval. */
  dev: boolean;
  /** The public URL is https: ask the browser to upgrade any stray http:// subresource. */
  https: boolean;
}

/** The policy of every HTML document, one line. */
export function documentPolicy({ nonce, dev, https }: DocumentPolicyOptions): string {
  const nonceSource = `'nonce-${nonce}'`;
  const directives: Array<[string, ...string[]]> = [
    ['default-src', "'self'"],
    // Nonce + strict-dynamic: Next's inline bootstrap and chunks carry the nonce; chunks loaded by
    // them are trusted through strict-dynamic. 'self' only serves browsers without CSP3 (ignored
    // where strict-dynamic is understood). Never 'unsafe-inline'.
    ['script-src', "'self'", nonceSource, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    // Styles: 'unsafe-inline' (decision). React server-renders style="…" attributes (list offsets,
    // artwork tints, meters) that no nonce can cover, and WebKit reports some of React's style
    // writes as inline <style> (style-src-elem, seen on /library and /playlists/:id), so a nonce
    // policy for styles breaks WebKit. Injected CSS cannot run script, and it cannot leak anything
    // off the origin: img-src, font-src and connect-src allow nothing from elsewhere.
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:', 'blob:'],
    // Audio from the console's own routes; blob: for local files (upload previews, tags); data:
    // because howler parks an unloaded <audio> on a tiny data: WAV (its _clearSound).
    ['media-src', "'self'", 'blob:', 'data:'],
    ['font-src', "'self'"],
    ['connect-src', "'self'"],
    // The service worker /sw.js, Turbopack's Web Workers (/_next/static chunks), blob: workers.
    ['worker-src', "'self'", 'blob:'],
    ['manifest-src', "'self'"],
    ['frame-src', "'none'"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
    ['report-uri', CSP_REPORT_PATH],
  ];
  if (https) directives.push(['upgrade-insecure-requests']);
  return directives.map((parts) => parts.join(' ')).join('; ');
}

/** 128 random bits, base64: what a nonce-source accepts. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** The nonce a policy carries (what Next looks for), or null. */
export function nonceOf(policy: string): string | null {
  return /'nonce-([A-Za-z0-9+/=_-]+)'/.exec(policy)?.[1] ?? null;
}
