import 'server-only';
import type { NextAuthOptions, User as NextAuthUser } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { Base44Error, login, openConsoleSession, register, type Session as Base44Session } from '@/lib/base44';
import { serverEnv } from '@/lib/config/env';
import { signInSchema, signUpSchema } from '@/lib/domain/account';
import type { User } from '@/lib/domain/types';
import { endSession, isTokenLive } from './console-sessions';
import { deviceLabel } from './device-label';
import { decodeSessionToken } from './session-token';
import { safeRedirect } from './redirect';

// The Base44 access token rides inside next-auth's encrypted JWT cookie (JWE, HttpOnly) and is read
// back on the server with getToken(). It is never copied into the session object, which
// /api/auth/session serves to the browser. Each sign-in opens a console session (a ConsoleSession
// record, its id `sid` in the cookie) that every later request checks: see console-sessions.ts.

interface AuthorizedUser extends NextAuthUser {
  base44Token: string;
  sessionId: string;
  profile: User;
}

/** The session has been ended (signed out, signed out everywhere, password changed, token dead). */
class SessionEndedError extends Error {
  constructor() {
    super('The session has ended');
    this.name = 'SessionEndedError';
  }
}

const SIGN_UP_REFUSED = 'This account could not be created. If you already have one, sign in instead.';

type RequestHeaders = Record<string, string | string[] | undefined> | undefined;

async function toAuthorizedUser({ accessToken, user }: Base44Session, headers: RequestHeaders): Promise<AuthorizedUser> {
  const userAgent = headers?.['user-agent'];
  const session = await openConsoleSession(accessToken, {
    userId: user.id,
    expiresAt: new Date(Date.now() + serverEnv().sessionMaxAgeSeconds * 1000),
    deviceLabel: deviceLabel(Array.isArray(userAgent) ? userAgent[0] : userAgent),
  }).catch((error: unknown) => {
    // The credentials were right, but without its ConsoleSession record the session could not be ended.
    console.error('[auth] could not open a console session:', error instanceof Base44Error ? error.toJSON() : error);
    throw new Base44Error('unavailable', { message: 'Signing in is unavailable right now. Try again in a moment.' });
  });
  return { id: user.id, name: user.fullName, email: user.email, base44Token: accessToken, sessionId: session.id, profile: user };
}

async function authorizeWith<T>(run: () => Promise<T>): Promise<T | null> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Base44Error && error.code === 'unauthorized') return null;
    if (error instanceof Base44Error) throw new Error(error.message);
    throw error;
  }
}

export function authOptions(): NextAuthOptions {
  const env = serverEnv();
  return {
    secret: env.nextAuthSecret,
    session: { strategy: 'jwt', maxAge: env.sessionMaxAgeSeconds, updateAge: 60 * 60 },
    jwt: { maxAge: env.sessionMaxAgeSeconds, decode: decodeSessionToken },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    providers: [
      CredentialsProvider({
        id: 'credentials',
        name: 'Email and password',
        credentials: { email: { type: 'email' }, password: { type: 'password' } },
        async authorize(credentials, req) {
          const parsed = signInSchema.safeParse(credentials);
          if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'Invalid input');
          return authorizeWith(async () => toAuthorizedUser(await login(parsed.data.email, parsed.data.password), req?.headers));
        },
      }),
      CredentialsProvider({
        id: 'signup',
        name: 'Create an account',
        credentials: {
          email: { type: 'email' },
          password: { type: 'password' },
          fullName: { type: 'text' },
          artistName: { type: 'text' },
          userType: { type: 'text' },
          acceptTerms: { type: 'text' },
        },
        async authorize(credentials, req) {
          const parsed = signUpSchema.safeParse(credentials);
          if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'Invalid input');
          return authorizeWith(async () => {
            try {
              return await toAuthorizedUser(await register(parsed.data), req?.headers);
            } catch (error) {
              // Said no more plainly than needed: probing which emails have accounts is also throttled.
              if (error instanceof Base44Error && error.code === 'conflict') throw new Error(SIGN_UP_REFUSED);
              throw error;
            }
          });
        },
      }),
    ],
    events: {
      async signOut({ token }) {
        await endSession(token);
      },
    },
    logger: {
      // An ended session is an expected answer, not a server error worth a stack trace.
      error(code, metadata) {
        const cause = metadata instanceof Error ? metadata : (metadata as { error?: unknown } | undefined)?.error;
        if (code === 'JWT_SESSION_ERROR' && cause instanceof SessionEndedError) return;
        console.error(`[next-auth][error][${code}]`, metadata);
      },
    },
    callbacks: {
      redirect: safeRedirect,
      // Runs on every read of the session (/api/auth/session, getServerSession): an error thrown
      // here makes next-auth answer `{}` and delete the cookie.
      async jwt({ token, user }) {
        if (!user) {
          if (!(await isTokenLive(token))) throw new SessionEndedError();
          return token;
        }
        const authorized = user as AuthorizedUser;
        token.sid = authorized.sessionId;
        token.base44Token = authorized.base44Token;
        token.uid = authorized.profile.id;
        token.role = authorized.profile.role;
        token.userType = authorized.profile.userType;
        token.name = authorized.profile.artistName ?? authorized.profile.fullName;
        return token;
      },
      session({ session, token }) {
        // Only what the UI needs; the Base44 token stays in the JWT.
        session.user = {
          id: token.uid,
          name: token.name ?? null,
          email: token.email ?? null,
          role: token.role,
          userType: token.userType,
        };
        return session;
      },
    },
  };
}
