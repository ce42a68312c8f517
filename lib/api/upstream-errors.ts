import 'server-only';
import { Base44Error } from '@/lib/base44';
import { isOverlappingSetError } from '@/lib/base44/sessions';
import { ApiError, type ApiErrorCode } from './errors';

const FROM_BASE44: Record<Base44Error['code'], ApiErrorCode> = {
  unauthorized: 'session_expired',
  forbidden: 'forbidden',
  not_found: 'not_found',
  conflict: 'conflict',
  bad_request: 'invalid_input',
  rate_limited: 'rate_limited',
  timeout: 'upstream_timeout',
  unavailable: 'upstream_unavailable',
  bad_response: 'upstream_unavailable',
};

const SESSION_EXPIRED_MESSAGE = 'Your session has expired. Sign in again.';

/** Maps anything thrown inside a handler onto the console's error contract. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (isOverlappingSetError(error)) {
    const other = error.otherSet;
    return new ApiError('overlapping_set', error.message, {
      details: { otherSetId: other.id, otherSetVenue: other.venue, otherSetStartedAt: other.startedAt, otherSetEndedAt: other.endedAt },
    });
  }
  if (error instanceof Base44Error) {
    const code = FROM_BASE44[error.code];
    const message = code === 'session_expired' ? SESSION_EXPIRED_MESSAGE : error.message;
    return new ApiError(code, message, { retryAfterSeconds: error.retryAfterSeconds });
  }
  return new ApiError('internal', 'Something went wrong on our side');
}
