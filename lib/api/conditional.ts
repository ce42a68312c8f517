import type { NextRequest } from 'next/server';

/** Whether the request's If-None-Match names `etag` (weak comparison, as RFC 9110 asks for GET). */
export function matchesIfNoneMatch(req: NextRequest, etag: string): boolean {
  const header = req.headers.get('if-none-match');
  if (!header) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

/**
 * A JSON answer the browser revalidates every time (`no-cache`) and that costs nothing to
 * revalidate: 304 without a body when its ETag still matches. `json` is the serialised body, so a
 * caller may reuse it across requests.
 */
export function conditionalJson(req: NextRequest, etag: string, json: () => string): Response {
  const headers = new Headers({ ETag: etag, 'Cache-Control': 'private, no-cache', Vary: 'Cookie' });
  if (matchesIfNoneMatch(req, etag)) return new Response(null, { status: 304, headers });
  headers.set('Content-Type', 'application/json');
  return new Response(json(), { status: 200, headers });
}
