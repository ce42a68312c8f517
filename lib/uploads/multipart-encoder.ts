// Writes one file as a multipart/form-data body while it streams: part headers, the file's chunks
// as they come, the closing boundary. Nothing is buffered beyond the chunk in hand.

const encoder = new TextEncoder();

export interface MultipartFilePart {
  boundary: string;
  field: string;
  filename: string;
  contentType: string;
}

/** 32 random hex digits: cannot occur by chance in the file (RFC 2046 asks for a unique one). */
export function newBoundary(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `----spynners-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export function multipartContentType(boundary: string): string {
  return `multipart/form-data; boundary=${boundary}`;
}

/** Quotes a header parameter: no CR/LF, quotes and backslashes escaped, non-ASCII kept as UTF-8. */
function quoted(value: string): string {
  return `"${value.replace(/[\r\n]+/g, ' ').replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A non-ASCII name also goes as RFC 5987 `filename*` (UTF-8), with an ASCII `filename` beside it. */
function filenameParams(filename: string): string {
  const clean = filename.replace(/[\r\n]+/g, ' ');
  if (/^[\x20-\x7e]*$/.test(clean)) return `filename=${quoted(clean)}`;
  const ascii = clean.normalize('NFKD').replace(/[^\x20-\x7e]/g, '_');
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `filename=${quoted(ascii)}; filename*=UTF-8''${encoded}`;
}

export function partHead(part: MultipartFilePart): Uint8Array {
  return encoder.encode(
    `--${part.boundary}\r\n` +
      `Content-Disposition: form-data; name=${quoted(part.field)}; ${filenameParams(part.filename)}\r\n` +
      `Content-Type: ${part.contentType}\r\n\r\n`,
  );
}

export function partTail(boundary: string): Uint8Array {
  return encoder.encode(`\r\n--${boundary}--\r\n`);
}

/** Bytes the encoding adds around a file of any size. */
export function multipartOverhead(part: MultipartFilePart): number {
  return partHead(part).byteLength + partTail(part.boundary).byteLength;
}

/** The body, chunk by chunk, pulled from `chunks` only as fast as it is read. */
export async function* encodeMultipartFile(part: MultipartFilePart, chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield partHead(part);
  for await (const chunk of chunks) if (chunk.byteLength > 0) yield chunk;
  yield partTail(part.boundary);
}

/**
 * A pull-driven ReadableStream over an async iterable. `highWaterMark` chunks may be read ahead of
 * the consumer (0: one at a time); never more, so memory stays bounded whatever the file size.
 */
export function iterableToStream(iterable: AsyncIterable<Uint8Array>, { highWaterMark = 0 } = {}): ReadableStream<Uint8Array> {
  const iterator = iterable[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { done, value } = await iterator.next();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      async cancel(reason) {
        await iterator.return?.(reason);
      },
    },
    { highWaterMark },
  );
}
