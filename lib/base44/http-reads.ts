// Upstream reads (GET, HEAD) over undici's request API rather than fetch: inside Next, every
// promise pays for the async context tracking, and fetch's web streams make dozens per call; this
// path makes a handful. Measured with the proxy benchmark (issue #3; lib/base44/README.md).
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { Agent, interceptors, request as undiciRequest, type Dispatcher } from 'undici';

const MAX_REDIRECTIONS = 5;

let pool: Dispatcher | null = null;

/** One keep-alive pool for every upstream read; follows redirects as fetch does (file storage). */
function dispatcher(): Dispatcher {
  pool ??= new Agent({ keepAliveTimeout: 30_000 }).compose(interceptors.redirect({ maxRedirections: MAX_REDIRECTIONS }));
  return pool;
}

export function isRead(request: Request): boolean {
  return request.method === 'GET' || request.method === 'HEAD';
}

/** Sends a GET or HEAD and answers like fetch: JSON bodies read in full, others streamed. */
export async function sendRead(request: Request): Promise<Response> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const answer = await undiciRequest(request.url, {
    method: request.method as 'GET' | 'HEAD',
    headers,
    signal: request.signal,
    dispatcher: dispatcher(),
  });
  const responseHeaders = new Headers();
  for (const [name, value] of Object.entries(answer.headers)) {
    if (Array.isArray(value)) for (const one of value) responseHeaders.append(name, one);
    else if (value !== undefined) responseHeaders.set(name, value);
  }
  const status = answer.statusCode;
  if (request.method === 'HEAD' || status === 204 || status === 304) {
    answer.body.resume();
    return new Response(null, { status, headers: responseHeaders });
  }
  const isJson = /\bjson\b/i.test(responseHeaders.get('content-type') ?? '');
  const body = isJson
    ? await answer.body.arrayBuffer()
    : (Readable.toWeb(answer.body) as unknown as WebReadableStream<Uint8Array> as unknown as ReadableStream<Uint8Array>);
  return new Response(body, { status, headers: responseHeaders });
}
