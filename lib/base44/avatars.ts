// Where the browser may load a member's avatar from. The rule, for User and PublicProfile alike:
//   - a file on the Base44 backend's own origin (the embedded backend's file URLs, which the
//     browser cannot reach, or a hosted app's) → the console's same-origin proxy
//     `/api/users/{id}/avatar`, which fetches only that origin (no open proxy, no SSRF);
//   - any other https URL on a public host name → given as is (the browser loads it directly);
//   - anything else (http elsewhere, IP literals, localhost and private names, non-URLs) → null.

export interface Avatar {
  /** What the browser gets. */
  url: string | null;
  /** The upstream URL the proxy may fetch; null unless `url` is the proxy. */
  source: string | null;
}

const NO_AVATAR: Avatar = { url: null, source: null };
/** Names that never resolve to a public host. */
const PRIVATE_NAME = /(^|\.)(localhost|local|internal|intranet|lan|home|corp|test|invalid|example)$/i;

/**
 * The proxy path, versioned by the upstream file: the proxy's answer is cached by the browser for an
 * hour, so a new photo must get a new address (the old one is never asked for again).
 */
export function avatarProxyPath(userId: string, source: string): string {
  return `/api/users/${encodeURIComponent(userId)}/avatar?v=${fnv1a(source)}`;
}

/** A short, stable fingerprint (FNV-1a, 32 bits): a cache key, not a secret. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/** `backendOrigin` is the origin of the Base44 API the console talks to (`transport.apiBase()`). */
export function avatarFor(userId: string, raw: string | null, backendOrigin: string): Avatar {
  if (!raw) return NO_AVATAR;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return NO_AVATAR;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return NO_AVATAR;
  if (url.origin === backendOrigin) return { url: avatarProxyPath(userId, url.href), source: url.href };
  if (url.protocol === 'https:' && isPublicHostName(url.hostname) && !url.username && !url.password) {
    return { url: url.href, source: null };
  }
  return NO_AVATAR;
}

function isPublicHostName(hostname: string): boolean {
  if (hostname.startsWith('[') || /^[\d.]+$/.test(hostname)) return false; // IP literals
  if (!hostname.includes('.')) return false;
  return !PRIVATE_NAME.test(hostname.replace(/\.$/, ''));
}

/** http(s) links only, for profile links rendered as `<a href>`; anything else is null. */
export function webLink(raw: string | null): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}
