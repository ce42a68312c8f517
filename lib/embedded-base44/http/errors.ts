/**
 * Every failure leaves the backend as JSON `{message, code, ...details}` with an HTTP status.
 * The official SDK reads `message` (then `detail`) into its Base44Error, so both are set.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string = codeFor(status),
    readonly details: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

function codeFor(status: number): string {
  switch (status) {
    case 400: return 'bad_request';
    case 401: return 'unauthorized';
    case 403: return 'forbidden';
    case 404: return 'not_found';
    case 409: return 'conflict';
    case 413: return 'payload_too_large';
    case 416: return 'range_not_satisfiable';
    case 429: return 'rate_limited';
    default: return status >= 500 ? 'internal_error' : 'error';
  }
}

export const badRequest = (message: string, details?: Record<string, unknown>) =>
  new HttpError(400, message, 'bad_request', details);
export const unauthorized = (message = 'Authentication required') => new HttpError(401, message);
export const forbidden = (message: string) => new HttpError(403, message);
export const notFound = (message: string) => new HttpError(404, message);

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

/** An answer whose JSON text is already built (stored records passed through unparsed). */
export function rawJsonResponse(json: string): Response {
  return new Response(json, { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' } });
}

export function errorResponse(error: unknown): Response {
  if (error instanceof HttpError) {
    return jsonResponse(
      { message: error.message, detail: error.message, code: error.code, ...error.details },
      error.status,
      error.headers,
    );
  }
  // Internals stay in the server log; the client gets a generic answer.
  console.error('[embedded-base44] unexpected error', error);
  return jsonResponse({ message: 'Internal server error', code: 'internal_error' }, 500);
}
