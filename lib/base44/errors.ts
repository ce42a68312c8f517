// The one error type that leaves lib/base44. Codes are a closed set so route handlers can map them
// to HTTP answers in one place; `message` is always safe to show to a user. A caller that aborts
// its own signal gets its abort reason back (as fetch does), not a Base44Error: that is not an
// upstream fault.

export const BASE44_ERROR_CODES = [
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'bad_request',
  'rate_limited',
  'timeout',
  'unavailable',
  'bad_response',
] as const;
export type Base44ErrorCode = (typeof BASE44_ERROR_CODES)[number];

/** The HTTP status a console route should answer with for each code. */
const STATUS: Record<Base44ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  bad_response: 502,
  unavailable: 503,
  timeout: 504,
};

const DEFAULT_MESSAGE: Record<Base44ErrorCode, string> = {
  bad_request: 'The request was rejected by SPYNNERS.',
  unauthorized: 'Your session has expired. Please sign in again.',
  forbidden: 'You are not allowed to do this.',
  not_found: 'Not found.',
  conflict: 'This conflicts with existing data.',
  rate_limited: 'SPYNNERS is busy. Please try again shortly.',
  bad_response: 'SPYNNERS answered with data the console does not understand.',
  unavailable: 'SPYNNERS is unreachable right now.',
  timeout: 'SPYNNERS took too long to answer.',
};

export interface Base44ErrorOptions {
  message?: string;
  /** The upstream HTTP status, when there was an answer. */
  upstreamStatus?: number;
  retryAfterSeconds?: number;
  /** For server logs only: what went wrong in more detail (never user input, never a token). */
  detail?: string;
  /** The `code` of the upstream's error body (`{code}` or `{error: {code}}`), e.g. `overlapping_set`. */
  upstreamCode?: string;
  /** The rest of that error body (a function's details, e.g. `other_set_id`); never shown as is. */
  upstreamFields?: Record<string, unknown>;
  cause?: unknown;
}

export class Base44Error extends Error {
  readonly code: Base44ErrorCode;
  readonly status: number;
  readonly upstreamStatus: number | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly detail: string | undefined;
  readonly upstreamCode: string | undefined;
  readonly upstreamFields: Record<string, unknown> | undefined;

  constructor(code: Base44ErrorCode, options: Base44ErrorOptions = {}) {
    super(options.message ?? DEFAULT_MESSAGE[code], { cause: options.cause });
    this.name = 'Base44Error';
    this.code = code;
    this.status = STATUS[code];
    this.upstreamStatus = options.upstreamStatus;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.detail = options.detail;
    this.upstreamCode = options.upstreamCode;
    this.upstreamFields = options.upstreamFields;
  }

  /** What a log line or JSON body may contain: no cause chain, no request, no headers. */
  toJSON() {
    return {
      name: this.name,
      code: this.code,
      status: this.status,
      message: this.message,
      upstreamStatus: this.upstreamStatus,
      retryAfterSeconds: this.retryAfterSeconds,
      detail: this.detail,
      upstreamCode: this.upstreamCode,
    };
  }
}

export function isBase44Error(error: unknown): error is Base44Error {
  return error instanceof Base44Error;
}

/** The code for an upstream HTTP error status. */
export function codeForStatus(status: number): Base44ErrorCode {
  switch (status) {
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 429:
      return 'rate_limited';
    case 408:
    case 504:
      return 'timeout';
    default:
      return status >= 500 ? 'unavailable' : 'bad_request';
  }
}

/** Removes a secret from text that came from outside (an upstream body may echo headers back). */
export function redact(text: string, secret: string | undefined): string {
  const scrubbed = secret ? text.split(secret).join('[redacted]') : text;
  return scrubbed.replace(/Bearer\s+[\w\-.~+/]+=*/gi, 'Bearer [redacted]').slice(0, 300);
}
