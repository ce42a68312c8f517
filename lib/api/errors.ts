// The console's one error contract: a closed set of codes, each with its HTTP status, serialised
// as { error: { code, message, issues? } }.
import type { FieldIssue } from './zod-messages';

export const API_ERROR_STATUS = {
  invalid_input: 400,
  invalid_json: 400,
  unauthenticated: 401,
  session_expired: 401,
  forbidden: 403,
  cross_origin: 403,
  /** A locked VIP track's whole audio (or any part of it): only its preview clip plays. */
  vip_locked: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  /** A DJ set whose time overlaps a set the same DJ already recorded (replays under new keys). */
  overlapping_set: 409,
  /** A VIP unlock the member cannot pay for (no Black Diamond left). */
  insufficient_diamonds: 402,
  payload_too_large: 413,
  unsupported_media_type: 415,
  range_not_satisfiable: 416,
  /** Too many sign-in or sign-up attempts: answered with Retry-After. */
  too_many_attempts: 429,
  /** An upload that sent no bytes for too long. */
  upload_stalled: 408,
  rate_limited: 503,
  upstream_unavailable: 502,
  upstream_timeout: 504,
  internal: 500,
} as const;

export type ApiErrorCode = keyof typeof API_ERROR_STATUS;

/** Machine-readable facts about a refusal, e.g. `{otherSetId}` for `overlapping_set`. */
export type ApiErrorDetails = Record<string, string | number | boolean | null>;

export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string; issues?: FieldIssue[]; details?: ApiErrorDetails };
}

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly status: number;
  readonly issues?: FieldIssue[];
  readonly retryAfterSeconds?: number;
  readonly details?: ApiErrorDetails;

  constructor(
    code: ApiErrorCode,
    message: string,
    extra: { issues?: FieldIssue[]; retryAfterSeconds?: number; details?: ApiErrorDetails } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = API_ERROR_STATUS[code];
    this.issues = extra.issues;
    this.retryAfterSeconds = extra.retryAfterSeconds;
    this.details = extra.details;
  }

  toBody(): ApiErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.issues ? { issues: this.issues } : {}),
        ...(this.details ? { details: this.details } : {}),
      },
    };
  }
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}
