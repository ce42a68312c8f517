import 'server-only';
import type { NextRequest, NextResponse } from 'next/server';
import { getServerSession, type Session } from 'next-auth';
import { getToken } from 'next-auth/jwt';
import { redirect } from 'next/navigation';
import { serverEnv } from '@/lib/config/env';
import type { Role, UserType } from '@/lib/domain/enums';
import { authOptions } from './options';
import { decodeSessionToken } from './session-token';

/** What a route handler knows about its caller. `base44Token` must never leave the server. */
export interface AuthContext {
  userId: string;
  role: Role;
  userType: UserType;
  base44Token: string;
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

export async function readAuthContext(req: NextRequest): Promise<AuthContext | null> {
  const token = await getToken({ req, secret: serverEnv().nextAuthSecret, secureCookie: usesSecureCookies(), decode: decodeSessionToken });
  if (!token?.base44Token || !token.uid) return null;
  return { userId: token.uid, role: token.role, userType: token.userType, base44Token: token.base44Token };
}

export function usesSecureCookies(): boolean {
  return (process.env.NEXTAUTH_URL ?? '').startsWith('https://');
}

const SESSION_COOKIE = 'next-auth.session-token';

/** Ends the session on an upstream 401: deletes the session cookie and its chunks. */
export function clearSessionCookies(req: NextRequest, res: NextResponse): void {
  const prefix = usesSecureCookies() ? '__Secure-' : '';
  const base = `${prefix}${SESSION_COOKIE}`;
  for (const cookie of req.cookies.getAll()) {
    if (cookie.name === base || cookie.name.startsWith(`${base}.`)) {
      res.cookies.set(cookie.name, '', { maxAge: 0, path: '/', httpOnly: true, sameSite: 'lax', secure: usesSecureCookies() });
    }
  }
}
