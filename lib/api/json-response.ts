// Next compresses every route handler answer it is allowed to (the `compression` middleware: a
// zlib stream per answer, worked on the thread pool). It cannot see a handler's body size, so it
// gzips a 45-byte answer too; on the proxy benchmark that cost about 1 ms per answer (issue #3).
// An answer that fits in one TCP segment gains nothing from compression: it says `no-transform`,
// which the middleware obeys. Bigger answers are still compressed by Next.
const ONE_SEGMENT_BYTES = 1400;

// API answers are the member's own (their profile, their VIP tracks, their diamonds): no shared or
// on-disk HTTP cache may keep them (a shared iPad, a proxy). The query cache owns API data on the
// client (lib/sw/README.md: the worker never caches API JSON), so nothing relies on the HTTP cache.
export const PRIVATE_NO_STORE = 'private, no-store';

/** The Cache-Control of a JSON answer of `bytes` bytes: never stored, small ones never compressed. */
export function jsonCacheControl(bytes: number): string {
  return bytes <= ONE_SEGMENT_BYTES ? `${PRIVATE_NO_STORE}, no-transform` : PRIVATE_NO_STORE;
}

export function jsonResponse(data: unknown, status = 200): Response {
  const text = JSON.stringify(data);
  const headers = { 'Content-Type': 'application/json', 'Cache-Control': jsonCacheControl(Buffer.byteLength(text)) };
  return new Response(text, { status, headers });
}
