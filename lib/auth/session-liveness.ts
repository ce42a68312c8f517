// Is a console session still live? Every request carrying a session cookie asks (API routes through
// readAuthContext, pages and /api/auth/session through next-auth's jwt callback). The answer comes
// from the session's record in the data source, read with the member's own token, and is kept in
// this process for `ttlMs`: about one upstream read per session per period, and a session ended on
// another console instance stops working here within that bound. Ends decided here (sign-out,
// sign out everywhere, password change, an upstream 401) apply in this process at once.

/** What the data source says about a session; `unknown` when it could not be asked (outage, 429). */
export type Liveness = 'live' | 'dead' | 'unknown';

export interface SessionRef {
  sessionId: string;
  userId: string;
  token: string;
}

export interface SessionLivenessOptions {
  read(session: SessionRef): Promise<Liveness>;
  ttlMs: number;
  /** Sessions remembered at most; the oldest answer goes first. */
  maxEntries?: number;
  now?: () => number;
}

interface Entry {
  userId: string;
  live: boolean;
  /** Live answers are asked again after this time; a dead session stays dead. */
  checkAfter: number;
}

export interface SessionLiveness {
  isLive(session: SessionRef): Promise<boolean>;
  markDead(sessionId: string): void;
  /** Every session of the member this process knows ends now, but `except` (this browser, after a password change). */
  markUserDead(userId: string, except?: string | null): void;
  /** Forget everything (tests). */
  clear(): void;
}

export function createSessionLiveness(options: SessionLivenessOptions): SessionLiveness {
  const { read, ttlMs } = options;
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  const inFlight = new Map<string, Promise<boolean>>();

  function remember(sessionId: string, entry: Entry): void {
    entries.delete(sessionId);
    entries.set(sessionId, entry);
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
  }

  async function ask(session: SessionRef, stale: Entry | undefined): Promise<boolean> {
    const answer = await read(session).catch((): Liveness => 'unknown');
    // A session ended meanwhile in this process (sign-out during the read) stays ended.
    if (entries.get(session.sessionId)?.live === false) return false;
    if (answer === 'unknown') {
      // The data source could not answer: keep the last answer (or let the request through
      // unremembered, to be asked again next time). Its own upstream calls need the data source too.
      return stale?.live ?? true;
    }
    remember(session.sessionId, { userId: session.userId, live: answer === 'live', checkAfter: now() + ttlMs });
    return answer === 'live';
  }

  return {
    isLive(session) {
      const known = entries.get(session.sessionId);
      if (known && known.userId !== session.userId) return Promise.resolve(false);
      if (known && (!known.live || now() < known.checkAfter)) return Promise.resolve(known.live);
      let pending = inFlight.get(session.sessionId);
      if (!pending) {
        pending = ask(session, known).finally(() => inFlight.delete(session.sessionId));
        inFlight.set(session.sessionId, pending);
      }
      return pending;
    },
    markDead(sessionId) {
      const known = entries.get(sessionId);
      remember(sessionId, { userId: known?.userId ?? '', live: false, checkAfter: Infinity });
    },
    markUserDead(userId, except = null) {
      for (const [sessionId, entry] of entries) {
        if (entry.userId === userId && sessionId !== except) entry.live = false;
      }
    },
    clear() {
      entries.clear();
      inFlight.clear();
    },
  };
}
