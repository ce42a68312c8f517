// Request bodies are counted as they stream and cut at their limit: a body without a (truthful)
// Content-Length cannot make the server hold more than the limit (issue #16, finding 1).

export class BodyTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`The request body exceeds the limit of ${limitBytes} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

export class BodyTimeoutError extends Error {
  constructor(readonly deadlineMs: number) {
    super(`The request body did not arrive within ${Math.round(deadlineMs / 1000)} s`);
    this.name = 'BodyTimeoutError';
  }
}

/**
 * How long a small body may take to arrive. The console's server has no request timeout (uploads
 * run for many minutes), so a client trickling a JSON body byte by byte is cut here.
 */
export const SMALL_BODY_DEADLINE_MS = 60_000;

/** A declared Content-Length over the limit: refused before a byte is read. */
export function declaresMoreThan(headers: Pick<Headers, 'get'>, limitBytes: number): boolean {
  const declared = Number(headers.get('content-length') ?? NaN);
  return Number.isFinite(declared) && declared > limitBytes;
}

/**
 * Reads a stream whole, up to `limitBytes`, within `deadlineMs`. One byte more and the stream is
 * cancelled (nothing more is pulled from the client) and BodyTooLargeError is thrown; past the
 * deadline, BodyTimeoutError.
 */
export async function readBounded(
  body: ReadableStream<Uint8Array> | null,
  limitBytes: number,
  deadlineMs = SMALL_BODY_DEADLINE_MS,
): Promise<Uint8Array<ArrayBuffer>> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new BodyTimeoutError(deadlineMs)), deadlineMs);
  });
  late.catch(() => undefined);
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), late]);
      if (done) break;
      size += value.byteLength;
      if (size > limitBytes) throw new BodyTooLargeError(limitBytes);
      chunks.push(value);
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return concat(chunks, size);
}

/** A request's body, bounded: its declared length first, then its bytes as they arrive. */
export async function readBoundedBody(req: Request, limitBytes: number, deadlineMs?: number): Promise<Uint8Array<ArrayBuffer>> {
  if (declaresMoreThan(req.headers, limitBytes)) throw new BodyTooLargeError(limitBytes);
  return readBounded(req.body, limitBytes, deadlineMs);
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
