import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { readAuthContext, clearSessionCookies, signInRequired, type AuthContext } from '@/lib/auth/session';
import { ApiError } from './errors';
import { toApiError } from './upstream-errors';
import { isMutating, isSameOrigin } from './same-origin';
import { fieldIssues } from './zod-messages';
import { jsonResponse, PRIVATE_NO_STORE } from './json-response';
import { BodyTimeoutError, BodyTooLargeError, readBoundedBody } from '@/lib/http/bounded-body';

/**
 * Who may call a route: `admin` = role `admin` only (every admin action); `staff` = admins and
 * read-only admins (`admin_readonly`), for the admin screens' reads.
 */
type Access = 'public' | 'signed-in' | 'staff' | 'admin';
type Schema = z.ZodType;
type Infer<S> = S extends Schema ? z.infer<S> : undefined;

const MAX_JSON_BYTES = 1024 * 1024;

export interface RouteSpec<P extends Schema | undefined, Q extends Schema | undefined, B extends Schema | undefined> {
  access?: Access;
  params?: P;
  query?: Q;
  body?: B;
}

export interface RouteContext<P, Q, B, A extends AuthContext | null> {
  req: NextRequest;
  auth: A;
  params: P;
  query: Q;
  body: B;
}

type NextRouteContext = { params: Promise<Record<string, string | string[]>> };

/**
 * Every route handler goes through here: session, same-origin check on mutating methods, zod
 * parsing of params / query / body, and one error shape. Handlers state intent in a few lines and
 * return data (sent as JSON) or a Response.
 */
export function route<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
  A extends Access = 'signed-in',
>(
  spec: RouteSpec<P, Q, B> & { access?: A },
  handler: (ctx: RouteContext<Infer<P>, Infer<Q>, Infer<B>, A extends 'public' ? AuthContext | null : AuthContext>) => Promise<unknown>,
): (req: NextRequest, context: NextRouteContext) => Promise<Response> {
  return async (req: NextRequest, context: NextRouteContext): Promise<Response> => {
    try {
      // Ids first: a malformed id is refused the same way signed in or not, before any other work.
      const params = parse(spec.params, await context.params, 'Invalid path');
      if (isMutating(req.method) && !isSameOrigin(req)) {
        throw new ApiError('cross_origin', 'This request must come from the console itself');
      }
      const auth = await readAuthContext(req);
      const access = spec.access ?? 'signed-in';
      if (access !== 'public' && !auth) throw signInRequired(req);
      if (access === 'admin' && auth?.role !== 'admin') {
        throw new ApiError('forbidden', 'Only administrators can do this');
      }
      if (access === 'staff' && !isStaff(auth?.role)) {
        throw new ApiError('forbidden', 'Only administrators can see this');
      }
      const query = parse(spec.query, Object.fromEntries(req.nextUrl.searchParams), 'Invalid query');
      const body = spec.body ? parse(spec.body, await readJson(req), 'Invalid body') : undefined;
      const ctx = { req, auth, params, query, body } as RouteContext<Infer<P>, Infer<Q>, Infer<B>, never>;
      const result = await handler(ctx);
      return result instanceof Response ? notStoredByDefault(result) : jsonResponse(result);
    } catch (error) {
      return errorResponse(req, error);
    }
  };
}

/** A handler's own Response keeps the caching it chose (media, the catalogue's ETag); else none. */
function notStoredByDefault(res: Response): Response {
  if (res.headers.has('cache-control')) return res;
  const headers = new Headers(res.headers);
  headers.set('Cache-Control', PRIVATE_NO_STORE);
  // A fetch() answer's headers are immutable: the body is passed on, not copied.
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
}

/** Admins and read-only admins: they see what admins see. */
export const isStaff = (role: AuthContext['role'] | undefined) => role === 'admin' || role === 'admin_readonly';

function parse(schema: Schema | undefined, input: unknown, message: string): unknown {
  if (!schema) return undefined;
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ApiError('invalid_input', message, { issues: fieldIssues(parsed.error) });
  return parsed.data;
}

async function readJson(req: NextRequest): Promise<unknown> {
  const type = req.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/json')) {
    throw new ApiError('unsupported_media_type', 'Send the body as application/json');
  }
  let bytes: Uint8Array;
  try {
    bytes = await readBoundedBody(req, MAX_JSON_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new ApiError('payload_too_large', 'The request body is too large');
    if (error instanceof BodyTimeoutError) throw new ApiError('upload_stalled', error.message);
    throw error;
  }
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new ApiError('invalid_json', 'The request body is not valid JSON');
  }
}

export function errorResponse(req: NextRequest, error: unknown): Response {
  const apiError = toApiError(error);
  // A client that went away (tab closed, image scrolled out) aborts the handler's work: nothing
  // failed, and nobody reads this answer.
  if (apiError.code === 'internal' && !req.signal.aborted) {
    console.error(`[api] ${req.method} ${req.nextUrl.pathname} failed:`, error instanceof Error ? error.stack : error);
  }
  // Error bodies are a few hundred bytes: not worth Next's compression (see json-response.ts).
  const res = NextResponse.json(apiError.toBody(), { status: apiError.status, headers: { 'Cache-Control': `${PRIVATE_NO_STORE}, no-transform` } });
  if (apiError.retryAfterSeconds !== undefined) res.headers.set('Retry-After', String(apiError.retryAfterSeconds));
  if (apiError.code === 'session_expired') clearSessionCookies(req, res);
  return res;
}
