'use client';
// The browser's side of the console API contract: one fetch wrapper, one error type.
import { isApiErrorBody, type ApiErrorCode } from './errors';

export class ApiClientError extends Error {
  readonly code: ApiErrorCode | 'network';
  readonly status: number;

  constructor(code: ApiErrorCode | 'network', message: string, status: number) {
    super(message);
    this.name = 'ApiClientError';
    this.code = code;
    this.status = status;
  }
}

const SESSION_EXPIRED_EVENT = 'spynners:session-expired';

export function onSessionExpired(listener: () => void): () => void {
  window.addEventListener(SESSION_EXPIRED_EVENT, listener);
  return () => window.removeEventListener(SESSION_EXPIRED_EVENT, listener);
}

export async function apiFetch<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, headers, ...rest } = init;
  let res: Response;
  try {
    res = await fetch(path, {
      ...rest,
      headers: { Accept: 'application/json', ...(json !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
      body: json !== undefined ? JSON.stringify(json) : rest.body,
      credentials: 'same-origin',
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiClientError('network', 'The console cannot reach the server', 0);
  }
  const body: unknown = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) {
    if (isApiErrorBody(body)) {
      if (body.error.code === 'session_expired' || body.error.code === 'unauthenticated') {
        window.dispatchEvent(new Event(SESSION_EXPIRED_EVENT));
      }
      throw new ApiClientError(body.error.code, body.error.message, res.status);
    }
    throw new ApiClientError('upstream_unavailable', `The server answered ${res.status}`, res.status);
  }
  return body as T;
}
