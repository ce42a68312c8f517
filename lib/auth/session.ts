import 'server-only';
import type { NextRequest, NextResponse } from 'next/server';
import { getServerSession, type Session } from 'next-auth';
import { getToken } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { ApiError } from '@/lib/api/errors';
import { serverEnv } from '@/lib/config/env';
import type { Role, UserType } from '@/lib/domain/enums';
import { isTokenLive, sessionLiveness } from './console-sessions';
import { authOptions } from './options';
import { decodeSessionToken } from './session-token';

/** What a route handler knows about its caller. `base44Token` must never leave the server. */
export interface AuthContext {
  userId: string;
  role: Role;
  userType: UserType;
  base44Token: string;
  /** This browser's console session (ConsoleSession id). */
  sessionId: string;
}

export type SessionUser = Session['user'];

export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions());
  return session?.user ?? null;
}

/** For server components: the signed-in user, or a redirect to the sign-in page. */
export async function requireSessionUser(callbackPath: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(callbackPath)}`);
  return user;
}

/** The session each request was read with, so an upstream 401 can end exactly that one. */
const sessionOfRequest = new WeakMap<object, string>();
/** Requests that came with a session cookie whose session has ended. */
const endedSessionRequests = new WeakSet<object>();

/** The caller, or null when there is no session cookie or its session has ended (see console-sessions.ts). */
export async function readAuthContext(req: NextRequest): Promise<AuthContext | null> {
  const token = await getToken({ req, secret: serverEnv().nextAuthSecret, secureCookie: usesSecureCookies(), decode: decodeSessionToken });
  if (!token) return null;
  if (!token.base44Token || !token.uid || !token.sid || !(await isTokenLive(token))) {
    endedSessionRequests.add(req);
    return null;
  }
  sessionOfRequest.set(req, token.sid);
  return { userId: token.uid, role: token.role, userType: token.userType, base44Token: token.base44Token, sessionId: token.sid };
}

/**
 * For server components that read Base44 on the page's behalf: the caller as a route handler sees
 * it (live console session, Base44 token), from the request's cookies; null without one.
 */
export async function readPageAuthContext(): Promise<AuthContext | null> {
  // getToken reads only the cookies (and an Authorization header) of what it is given.
  return readAuthContext({ cookies: await cookies(), headers: {} } as unknown as NextRequest);
}

/** The 401 for a request without a live session: `session_expired` (its cookie is then cleared) when it had one. */
export function signInRequired(req: NextRequest): ApiError {
  return endedSessionRequests.has(req)
    ? new ApiError('session_expired', 'Your session has ended. Sign in again.')
    : new ApiError('unauthenticated', 'Sign in to continue');
}

export function usesSecureCookies(): boolean {
  return (process.env.NEXTAUTH_URL ?? '').startsWith('https://');
}

const SESSION_COOKIE = 'next-auth.session-token';

/**
 * Ends the session on an upstream 401: at once in this process (other instances see the token die
 * on their own next check), and deletes the session cookie and its chunks.
 */
export function clearSessionCookies(req: NextRequest, res: NextResponse): void {
  const sessionId = sessionOfRequest.get(req);
  if (sessionId) sessionLiveness().markDead(sessionId);
  const prefix = usesSecureCookies() ? '__Secure-' : '';
  const base = `${prefix}${SESSION_COOKIE}`;
  for (const cookie of req.cookies.getAll()) {
    if (cookie.name === base || cookie.name.startsWith(`${base}.`)) {
      res.cookies.set(cookie.name, '', { maxAge: 0, path: '/', httpOnly: true, sameSite: 'lax', secure: usesSecureCookies() });
    }
  }
}
