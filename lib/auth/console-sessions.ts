import 'server-only';
import type { JWT } from 'next-auth/jwt';
import { isBase44Error, isSessionLive, readConsoleSession, revokeConsoleSession } from '@/lib/base44';
import { serverEnv } from '@/lib/config/env';
import { createSessionLiveness, type Liveness, type SessionLiveness, type SessionRef } from './session-liveness';

// The process's one liveness cache, on globalThis: Next loads this module once per route bundle,
// and a sign-out handled by /api/auth/[...nextauth] must end the session for /api/me at once.
const INSTANCE = Symbol.for('spynners.auth.sessionLiveness');
type Holder = { [INSTANCE]?: SessionLiveness };

async function readLiveness({ sessionId, userId, token }: SessionRef): Promise<Liveness> {
  try {
    const record = await readConsoleSession(token, sessionId);
    return record && isSessionLive(record, userId) ? 'live' : 'dead';
  } catch (error) {
    // 401: the member's token itself is dead upstream, so is the session.
    if (isBase44Error(error) && error.code === 'unauthorized') return 'dead';
    console.warn('[auth] could not check a session with the data source:', isBase44Error(error) ? error.code : error);
    return 'unknown';
  }
}

export function sessionLiveness(): SessionLiveness {
  const holder = globalThis as Holder;
  holder[INSTANCE] ??= createSessionLiveness({ read: readLiveness, ttlMs: serverEnv().sessionCheckMs });
  return holder[INSTANCE];
}

/** A session cookie's claims → live or not. Cookies from before sessions had ids are not. */
export async function isTokenLive(token: Pick<JWT, 'sid' | 'uid' | 'base44Token'>): Promise<boolean> {
  if (!token.sid || !token.uid || !token.base44Token) return false;
  return sessionLiveness().isLive({ sessionId: token.sid, userId: token.uid, token: token.base44Token });
}

/** Sign-out: the session ends here at once and in the data source for every other instance. */
export async function endSession(token: Pick<JWT, 'sid' | 'uid' | 'base44Token'> | null | undefined): Promise<void> {
  if (!token?.sid) return;
  sessionLiveness().markDead(token.sid);
  if (!token.uid || !token.base44Token) return;
  try {
    await revokeConsoleSession(token.base44Token, token.uid, token.sid);
  } catch (error) {
    // A dead token cannot write, but its session is dead already (every check reads with it).
    if (!(isBase44Error(error) && error.code === 'unauthorized')) {
      console.warn('[auth] sign-out could not record the end of the session:', isBase44Error(error) ? error.code : error);
    }
  }
}
