import { BodyTooLargeError, readBounded } from '../../http/bounded-body';
import { badRequest, HttpError } from './errors';

const MAX_JSON_BYTES = 10 * 1024 * 1024;

export const tooLarge = (limit: number) =>
  new HttpError(413, `The request body exceeds the limit of ${limit} bytes`, 'payload_too_large', { limit });

/** Refuses a body whose declared length is over the limit before reading any of it. */
export function assertDeclaredLength(request: Request, limit: number): void {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
}

/** Reads a JSON body, counting bytes as they arrive so a chunked body cannot grow unbounded. */
export async function readJsonBody(request: Request, limit = MAX_JSON_BYTES): Promise<unknown> {
  assertDeclaredLength(request, limit);
  if (!request.body) throw badRequest('A JSON body is required');
  let bytes: Uint8Array;
  try {
    bytes = await readBounded(request.body, limit);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw tooLarge(limit);
    throw error;
  }
  const text = new TextDecoder().decode(bytes);
  if (text.trim() === '') throw badRequest('A JSON body is required');
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest('The request body is not valid JSON');
  }
}
