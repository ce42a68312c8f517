// Next compresses every route handler answer it is allowed to (the `compression` middleware: a
// zlib stream per answer, worked on the thread pool). It cannot see a handler's body size, so it
// gzips a 45-byte answer too; on the proxy benchmark that cost about 1 ms per answer (issue #3).
// An answer that fits in one TCP segment gains nothing from compression: it says `no-transform`,
// which the middleware obeys. Bigger answers are still compressed by Next.
const ONE_SEGMENT_BYTES = 1400;

export function jsonResponse(data: unknown, status = 200): Response {
  const text = JSON.stringify(data);
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (Buffer.byteLength(text) <= ONE_SEGMENT_BYTES) headers['Cache-Control'] = 'no-transform';
  return new Response(text, { status, headers });
}
