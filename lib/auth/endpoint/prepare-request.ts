import 'server-only';
import { cookies } from 'next/headers';
import { NextRequest } from 'next/server';
import { ApiError } from '@/lib/api/errors';
import { BodyTimeoutError, BodyTooLargeError, readBoundedBody } from '@/lib/http/bounded-body';
import { isSafeCallbackUrl } from '../redirect';

/** Sign-in and sign-up forms are a few hundred bytes; next-auth itself would buffer any size. */
export const AUTH_BODY_LIMIT_BYTES = 16 * 1024;

const CALLBACK_URL_COOKIES = ['next-auth.callback-url', '__Secure-next-auth.callback-url'];

/**
 * The request as next-auth may read it, or the answer that refuses it. A POST body is read here,
 * bounded (413 past the limit); a callbackUrl that is unparsable or leads off the console (form
 * field, JSON field, query string or next-auth's callback-url cookie) is dropped, so next-auth
 * falls back to its default page instead of answering 500.
 */
export async function prepareAuthRequest(req: Request): Promise<Request | Response> {
  const url = new URL(req.url);
  const origins = consoleOrigins(url);
  await dropUnsafeCallbackCookies(origins);
  const callbackUrl = url.searchParams.get('callbackUrl');
  if (callbackUrl !== null && !isSafeCallbackUrl(callbackUrl, origins)) url.searchParams.delete('callbackUrl');
  if (req.method !== 'POST') return new NextRequest(url, { method: req.method, headers: req.headers, signal: req.signal });
  let body: Uint8Array<ArrayBuffer>;
  try {
    body = await readBoundedBody(req, AUTH_BODY_LIMIT_BYTES);
  } catch (error) {
    if (error instanceof BodyTimeoutError) return refuse(new ApiError('upload_stalled', error.message));
    if (!(error instanceof BodyTooLargeError)) throw error;
    return refuse(new ApiError('payload_too_large', 'The request body is too large'));
  }
  const headers = new Headers(req.headers);
  headers.delete('content-length');
  headers.delete('transfer-encoding');
  const cleaned = withoutUnsafeCallbackUrl(body, headers, origins);
  // next-auth would throw on it (500).
  if (cleaned === null) return refuse(new ApiError('invalid_json', 'The request body is not valid JSON'));
  return new NextRequest(url, { method: 'POST', headers, body: cleaned, signal: req.signal });
}

function refuse(error: ApiError): Response {
  return Response.json(error.toBody(), { status: error.status, headers: { 'Cache-Control': 'private, no-store' } });
}

/** This console's origins: the public one next-auth builds its URLs from, and the one asked. */
function consoleOrigins(url: URL): string[] {
  const origins = [url.origin];
  try {
    if (process.env.NEXTAUTH_URL) origins.unshift(new URL(process.env.NEXTAUTH_URL).origin);
  } catch {
    // An unparsable NEXTAUTH_URL is refused by the configuration check (lib/config/env.ts).
  }
  return origins;
}

async function dropUnsafeCallbackCookies(origins: string[]): Promise<void> {
  const jar = await cookies();
  for (const name of CALLBACK_URL_COOKIES) {
    const value = jar.get(name)?.value;
    // Deleting also tells the browser to forget it.
    if (value && !isSafeCallbackUrl(value, origins)) jar.delete(name);
  }
}

/**
 * The body with its callbackUrl field removed when unsafe, otherwise the very bytes read; null for
 * a JSON body that does not parse.
 */
function withoutUnsafeCallbackUrl(body: Uint8Array<ArrayBuffer>, headers: Headers, origins: string[]): Uint8Array<ArrayBuffer> | string | null {
  const type = headers.get('content-type')?.toLowerCase() ?? '';
  const text = () => new TextDecoder().decode(body);
  if (type.includes('application/x-www-form-urlencoded')) {
    const form = new URLSearchParams(text());
    const value = form.get('callbackUrl');
    if (value === null || isSafeCallbackUrl(value, origins)) return body;
    form.delete('callbackUrl');
    return form.toString();
  }
  if (type.includes('application/json')) {
    let json: unknown;
    try {
      json = JSON.parse(text());
    } catch {
      return null;
    }
    if (typeof json !== 'object' || json === null || !('callbackUrl' in json)) return body;
    const { callbackUrl, ...rest } = json as { callbackUrl: unknown };
    if (typeof callbackUrl === 'string' && isSafeCallbackUrl(callbackUrl, origins)) return body;
    return JSON.stringify(rest);
  }
  return body;
}
