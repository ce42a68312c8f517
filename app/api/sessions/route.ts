import { NextResponse } from 'next/server';
import { listMySessions, recordSession } from '@/lib/base44';
import { ApiError } from '@/lib/api/errors';
import { route } from '@/lib/api/route';
import { IDEMPOTENCY_KEY_PATTERN } from '@/lib/domain/sessions';
import { newDjSetSchema } from '@/lib/domain/set-schema';

// GET /api/sessions - the caller's recorded DJ sets, newest first → { sets: SessionMix[] }
export const GET = route({}, async ({ auth, req }) => ({
  sets: await listMySessions(auth.base44Token, auth.userId, { signal: req.signal }),
}));

// POST /api/sessions {djId, venue, city, country, startedAt, endedAt, tracks: [{trackId, playedAt}]}
// with `Idempotency-Key: <8..128 of [A-Za-z0-9_.:-]>` (required) - record a finished set, once per key.
// → 201 RecordedDjSet the first time; 200 the same set (alreadyRecorded: true) for a repeat
// → 400 invalid_input (body or key; a set ending in the future) · 403 forbidden (a set of another
//   account) · 409 conflict (key reused for a different set) · 409 overlapping_set (it overlaps a set
//   the DJ already recorded: `details.otherSetId`, venue and times of that set) · 401 session_expired ·
//   502/503/504 upstream (safe to retry). Plays of the DJ's own tracks come back `credited: false`.
export const POST = route({ body: newDjSetSchema }, async ({ auth, body, req }) => {
  const key = req.headers.get('idempotency-key')?.trim() ?? '';
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
    throw new ApiError('invalid_input', 'Send an Idempotency-Key header (8 to 128 letters, digits or - _ . :)', {
      issues: [{ path: 'Idempotency-Key', message: key ? 'Invalid idempotency key' : 'Required' }],
    });
  }
  if (body.djId !== auth.userId) {
    throw new ApiError('forbidden', 'This set was played under another account: sign in as that DJ to send it.');
  }
  const recorded = await recordSession(auth.base44Token, body, key);
  return NextResponse.json(recorded, { status: recorded.alreadyRecorded ? 200 : 201 });
});
