import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { HttpError, notFound } from '../http/errors';
import type { FileStore } from './file-store';
import { parseRange } from './range';

/**
 * Serves a stored file with byte ranges, as media elements need: `bytes=0-1` probes, open-ended
 * and suffix ranges, 416 past the end. The body is streamed from disk, never read whole.
 */
export async function serveFile(request: Request, files: FileStore, name: string): Promise<Response> {
  const file = files.lookup(name);
  if (!file) throw notFound('File not found');
  const path = files.pathOf(file.name);
  const info = await stat(path).catch(() => null);
  if (!info) throw notFound('File not found');
  const size = info.size;
  const etag = `"${size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const headers: Record<string, string> = {
    'content-type': file.content_type,
    'accept-ranges': 'bytes',
    etag,
    'last-modified': info.mtime.toUTCString(),
    // Names are random and contents never change.
    'cache-control': 'public, max-age=31536000, immutable',
    'x-content-type-options': 'nosniff',
    // An uploaded SVG or HTML file must not run script in the console's origin.
    'content-security-policy': "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox",
  };
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });

  const ifRange = request.headers.get('if-range');
  const rangeHeader = ifRange && ifRange !== etag ? null : request.headers.get('range');
  const range = parseRange(rangeHeader, size);
  if (range.kind === 'unsatisfiable') {
    throw new HttpError(416, 'Range not satisfiable', 'range_not_satisfiable', { size }, {
      'content-range': `bytes */${size}`,
      'accept-ranges': 'bytes',
    });
  }
  const [start, end] = range.kind === 'part' ? [range.start, range.end] : [0, size - 1];
  headers['content-length'] = String(size === 0 ? 0 : end - start + 1);
  if (range.kind === 'part') headers['content-range'] = `bytes ${start}-${end}/${size}`;
  const status = range.kind === 'part' ? 206 : 200;
  if (request.method === 'HEAD' || size === 0) return new Response(null, { status, headers });
  const body = Readable.toWeb(createReadStream(path, { start, end })) as unknown as ReadableStream<Uint8Array>;
  return new Response(body, { status, headers });
}
