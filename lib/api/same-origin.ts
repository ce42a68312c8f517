import type { NextRequest } from 'next/server';

const MUTATING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isMutating(method: string): boolean {
  return MUTATING_METHODS.has(method.toUpperCase());
}

/**
 * A mutating request must prove it comes from our own pages: browsers send Sec-Fetch-Site, and
 * Origin on every cross-site or non-GET request. A request carrying neither is refused, since
 * next-auth's CSRF token only guards next-auth's own endpoints.
 */
export function isSameOrigin(req: NextRequest): boolean {
  const fetchSite = req.headers.get('sec-fetch-site');
  if (fetchSite) return fetchSite === 'same-origin';
  const origin = req.headers.get('origin');
  if (!origin) return false;
  return allowedOrigins(req).has(origin);
}

function allowedOrigins(req: NextRequest): Set<string> {
  const origins = new Set([new URL(req.url).origin]);
  const host = req.headers.get('host');
  if (host) origins.add(`${req.nextUrl.protocol}//${host}`);
  const configured = process.env.NEXTAUTH_URL;
  if (configured) origins.add(new URL(configured).origin);
  return origins;
}
