// Answers a media request from a whole cached file (RFC 9110 §14). Pure: no Cache Storage, no
// worker globals, so it runs (and is tested) in Node as well as in the service worker.
//
// Choices where the RFC leaves room:
// - One range only. A multi-range request (`bytes=0-1,5-6`) is answered with the whole file as a
//   200: a server MAY ignore Range (§14.2), and media stacks never ask for several ranges.
// - A syntactically invalid Range, or another unit than `bytes`, is ignored the same way (200).
// - A valid range that starts at or past the end (or `bytes=-0`) is unsatisfiable: 416 with
//   `Content-Range: bytes */size` (§15.5.17). A last position past the end is clamped (§14.1.2).
// - Every answer says `Accept-Ranges: bytes`, and keeps the copy's ETag / Last-Modified.

export type ByteRange = { start: number; end: number };

export type RangeDecision =
  | { kind: 'whole' } // no Range, or one we ignore
  | { kind: 'partial'; range: ByteRange }
  | { kind: 'unsatisfiable' };

const RANGE_SPEC = /^(\d*)-(\d*)$/;

/** What to send for `header` against a representation of `size` bytes. */
export function decideRange(header: string | null, size: number): RangeDecision {
  if (header === null) return { kind: 'whole' };
  const equals = header.indexOf('=');
  if (equals < 0 || header.slice(0, equals).trim().toLowerCase() !== 'bytes') return { kind: 'whole' };
  // Recipients ignore empty list elements (RFC 9110 §5.6.1.2): `bytes=0-1,` is one range.
  const specs = header
    .slice(equals + 1)
    .split(',')
    .map((spec) => spec.trim())
    .filter((spec) => spec.length > 0);
  if (specs.length !== 1) return { kind: 'whole' };
  const match = RANGE_SPEC.exec(specs[0]!);
  if (!match) return { kind: 'whole' };
  const [, first = '', last = ''] = match;

  if (first === '') {
    if (last === '') return { kind: 'whole' }; // `bytes=-` is not a range
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', range: { start: Math.max(0, size - suffix), end: size - 1 } };
  }
  const start = Number(first);
  if (last !== '' && Number(last) < start) return { kind: 'whole' }; // invalid: last < first
  if (start >= size) return { kind: 'unsatisfiable' };
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  return { kind: 'partial', range: { start, end } };
}

/** A downloaded file as the worker answers from it: its bytes and the headers every answer repeats. */
export interface AudioCopy {
  /** The stored body as a Blob: a view on the stored file, sliced per range, never copied. */
  blob: Blob;
  type: string;
  etag: string | null;
  lastModified: string | null;
}

/** The copy behind a cached whole-file response (the size is the body's, whatever a header says). */
export async function audioCopyOf(cached: Response): Promise<AudioCopy> {
  const blob = await cached.blob();
  return {
    blob,
    type: cached.headers.get('content-type') || blob.type || 'application/octet-stream',
    etag: cached.headers.get('etag'),
    lastModified: cached.headers.get('last-modified'),
  };
}

/**
 * The response to a GET of the whole file `copy` given the request's Range header: 200 with every
 * byte, 206 with the asked slice, or 416. Synchronous: nothing is read before the answer goes out.
 */
export function answerFromCopy(copy: AudioCopy, rangeHeader: string | null): Response {
  const size = copy.blob.size;
  const decision = decideRange(rangeHeader, size);
  const headers = new Headers({ 'accept-ranges': 'bytes' });
  if (copy.etag) headers.set('etag', copy.etag);
  if (copy.lastModified) headers.set('last-modified', copy.lastModified);
  if (decision.kind === 'unsatisfiable') {
    headers.set('content-range', `bytes */${size}`);
    headers.set('content-length', '0');
    return new Response(null, { status: 416, statusText: 'Range Not Satisfiable', headers });
  }
  headers.set('content-type', copy.type);
  if (decision.kind === 'whole') {
    headers.set('content-length', String(size));
    return new Response(copy.blob, { status: 200, statusText: 'OK', headers });
  }
  const { start, end } = decision.range;
  headers.set('content-range', `bytes ${start}-${end}/${size}`);
  headers.set('content-length', String(end - start + 1));
  const body = start === 0 && end === size - 1 ? copy.blob : copy.blob.slice(start, end + 1);
  return new Response(body, { status: 206, statusText: 'Partial Content', headers });
}

/** The response to a GET for a whole file cached as `cached` (a 200): see answerFromCopy. */
export async function rangeResponse(cached: Response, rangeHeader: string | null): Promise<Response> {
  return answerFromCopy(await audioCopyOf(cached), rangeHeader);
}
