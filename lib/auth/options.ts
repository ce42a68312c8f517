import 'server-only';
import type { NextAuthOptions, User as NextAuthUser } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { Base44Error, login, register } from '@/lib/base44';
import { serverEnv } from '@/lib/config/env';
import { signInSchema, signUpSchema } from '@/lib/domain/account';
import type { User } from '@/lib/domain/types';
import { decodeSessionToken } from './session-token';

// The Base44 access token rides inside next-auth's encrypted JWT cookie (JWE, HttpOnly) and is read
// back on the server with getToken(). It is never copied into the session object, which
// /api/auth/session serves to the browser.

interface AuthorizedUser extends NextAuthUser {
  base44Token: string;
  profile: User;
}

function toAuthorizedUser(accessToken: string, user: User): AuthorizedUser {
  return { id: user.id, name: user.fullName, email: user.email, base44Token: accessToken, profile: user };
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
        async authorize(credentials) {
          const parsed = signInSchema.safeParse(credentials);
          if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'Invalid input');
          return authorizeWith(async () => {
            const { accessToken, user } = await login(parsed.data.email, parsed.data.password);
            return toAuthorizedUser(accessToken, user);
          });
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
        async authorize(credentials) {
          const parsed = signUpSchema.safeParse(credentials);
          if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'Invalid input');
          return authorizeWith(async () => {
            const { accessToken, user } = await register(parsed.data);
            return toAuthorizedUser(accessToken, user);
          });
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          const authorized = user as AuthorizedUser;
          token.base44Token = authorized.base44Token;
          token.uid = authorized.profile.id;
          token.role = authorized.profile.role;
          token.userType = authorized.profile.userType;
          token.name = authorized.profile.artistName ?? authorized.profile.fullName;
        }
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
