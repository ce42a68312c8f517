import { safeCallbackPath } from './callback-path';

// next-auth's default `redirect` callback calls `new URL(url)` on whatever callbackUrl it was given
// (form field, query string or cookie): an unparsable one throws, and next-auth answers 500.

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F]/;

/**
 * Is `value` a place on this console to go after signing in or out: a same-site path, or an http(s)
 * URL on one of `origins`? Anything else (unparsable, another site, another scheme) is not.
 */
export function isSafeCallbackUrl(value: string, origins: readonly string[]): boolean {
  if (value === '' || CONTROL.test(value) || value.includes('\\')) return false;
  if (value.startsWith('/')) return safeCallbackPath(value) === value && parses(value, origins[0] ?? 'http://localhost');
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && origins.includes(url.origin);
  } catch {
    return false;
  }
}

/** The `redirect` callback: a safe callbackUrl is followed, anything else falls back to the base. */
export function safeRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  const base = new URL(baseUrl);
  if (!isSafeCallbackUrl(url, [base.origin])) return baseUrl;
  return url.startsWith('/') ? `${base.origin}${url}` : url;
}

function parses(path: string, origin: string): boolean {
  try {
    return new URL(path, origin).origin === new URL(origin).origin;
  } catch {
    return false;
  }
}
