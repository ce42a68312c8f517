import { NextResponse } from 'next/server';
import { listConsoleSessions, revokeConsoleSessions } from '@/lib/base44';
import { route } from '@/lib/api/route';
import { sessionLiveness } from '@/lib/auth/console-sessions';
import { clearSessionCookies } from '@/lib/auth/session';
import type { ConsoleSessionList } from '@/lib/domain/console-session';

// GET /api/me/sessions - the browsers signed in to the member's account, this one first
export const GET = route({}, async ({ auth, req }): Promise<ConsoleSessionList> => {
  const records = await listConsoleSessions(auth.base44Token, auth.userId, { signal: req.signal });
  const sessions = records.map((r) => ({
    id: r.id,
    deviceLabel: r.deviceLabel,
    signedInAt: r.createdAt,
    expiresAt: r.expiresAt ?? r.createdAt,
    current: r.id === auth.sessionId,
  }));
  return { sessions: sessions.sort((a, b) => Number(b.current) - Number(a.current)) };
});

// DELETE /api/me/sessions - sign out everywhere: every session of the member ends, this one included
export const DELETE = route({}, async ({ auth, req }) => {
  const ended = await revokeConsoleSessions(auth.base44Token, auth.userId, null, { signal: req.signal });
  sessionLiveness().markUserDead(auth.userId);
  const res = NextResponse.json({ ended }, { headers: { 'Cache-Control': 'private, no-store' } });
  clearSessionCookies(req, res);
  return res;
});
