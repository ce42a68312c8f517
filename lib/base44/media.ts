// Streams an upstream file (audio, artwork) for the console's same-origin media routes.
import type { Transport } from './transport';
import { Base44Error, codeForStatus } from './errors';

const PASSED_HEADERS = ['content-type', 'content-length', 'content-range', 'accept-ranges', 'etag', 'last-modified'];
const PASSED_STATUSES = new Set([200, 206, 416]);

export interface MediaOptions {
  /** The browser's Range header, passed through as is. */
  range?: string;
  signal?: AbortSignal;
}

/**
 * The deadline covers the wait for the upstream's headers only: a long track may take longer than
 * that to stream, and the body is the caller's to read or cancel. Not retried: the player asks again.
 */
export function mediaVerbs(transport: Transport, timeoutMs: number) {
  async function fetchMedia(url: string, options: MediaOptions = {}): Promise<Response> {
    if (!/^https?:\/\//i.test(url)) throw new Base44Error('bad_response', { detail: 'media URL is not http(s)' });
    const headersDeadline = new AbortController();
    const timer = setTimeout(() => headersDeadline.abort(new DOMException('media headers timeout', 'TimeoutError')), timeoutMs);
    const signal = options.signal ? AbortSignal.any([headersDeadline.signal, options.signal]) : headersDeadline.signal;
    const headers = new Headers();
    if (options.range) headers.set('Range', options.range);
    let upstream: Response;
    try {
      upstream = await transport.send(new Request(url, { headers, signal }));
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      if (headersDeadline.signal.aborted) throw new Base44Error('timeout', { detail: 'media headers timeout' });
      throw new Base44Error('unavailable', { detail: error instanceof Error ? error.message : 'media fetch failed' });
    } finally {
      clearTimeout(timer);
    }
    if (!PASSED_STATUSES.has(upstream.status)) {
      discard(upstream);
      throw new Base44Error(codeForStatus(upstream.status), {
        upstreamStatus: upstream.status,
        detail: `media fetch → ${upstream.status}`,
      });
    }
    const passed = new Headers();
    for (const name of PASSED_HEADERS) {
      const value = upstream.headers.get(name);
      if (value !== null) passed.set(name, value);
    }
    if (upstream.status === 416) discard(upstream);
    return new Response(upstream.status === 416 ? null : upstream.body, { status: upstream.status, headers: passed });
  }

  return { fetchMedia };
}

/** Not awaited: cancelling a body Next's fetch has teed only settles once every branch is done. */
function discard(response: Response): void {
  response.body?.cancel().catch(() => undefined);
}
