// Request bodies are counted as they stream and cut at their limit: a body without a (truthful)
// Content-Length cannot make the server hold more than the limit (issue #16, finding 1).

export class BodyTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`The request body exceeds the limit of ${limitBytes} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/** A declared Content-Length over the limit: refused before a byte is read. */
export function declaresMoreThan(headers: Pick<Headers, 'get'>, limitBytes: number): boolean {
  const declared = Number(headers.get('content-length') ?? NaN);
  return Number.isFinite(declared) && declared > limitBytes;
}

/**
 * Reads a stream whole, up to `limitBytes`. One byte more and the stream is cancelled (nothing
 * more is pulled from the client) and BodyTooLargeError is thrown.
 */
export async function readBounded(body: ReadableStream<Uint8Array> | null, limitBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limitBytes) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(limitBytes);
    }
    chunks.push(value);
  }
  return concat(chunks, size);
}

/** A request's body, bounded: its declared length first, then its bytes as they arrive. */
export async function readBoundedBody(req: Request, limitBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  if (declaresMoreThan(req.headers, limitBytes)) throw new BodyTooLargeError(limitBytes);
  return readBounded(req.body, limitBytes);
}

function concat(chunks: Uint8Array[], size: number): Uint8Array<ArrayBuffer> {
  const whole = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return whole;
}
