import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedServer, type EmbeddedServer } from '@/lib/embedded-base44';
import { upstreamCaller } from './support/standalone';

// /api/sessions end to end in Node: the route handler, lib/base44 and an embedded backend over
// HTTP standing in for a remote Base44 (BASE44_SERVER_URL set, as in production).

const SECRET = 'unit-test-secret-0123456789abcdefghijklmnopqrstuvwxyz';
const ORIGIN = 'http://console.test';
const dataDir = mkdtempSync(path.join(tmpdir(), 'sessions-route-'));
type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
let server!: EmbeddedServer;
let POST!: Handler;
let GET!: Handler;
let adminToken = '';
let producerId = '';

beforeAll(async () => {
  server = await startEmbeddedServer({ port: 0, dataDir, jwtSecret: 'sessions-route-jwt-secret-0123456789', seed: { trackCount: 0 } });
  process.env.NEXTAUTH_SECRET = SECRET;
  process.env.NEXTAUTH_URL = ORIGIN;
  process.env.BASE44_SERVER_URL = server.url;
  process.env.BASE44_APP_ID = server.backend.appId;
  process.env.SPYNNERS_DATA_DIR = dataDir;
  ({ POST, GET } = (await import('@/app/api/sessions/route')) as unknown as { POST: Handler; GET: Handler });
  adminToken = (await login('admin@spynners.local')).access_token;
  producerId = (await login('producer@spynners.local')).user.id;
});
afterAll(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const { upstream, login, consoleSession } = upstreamCaller(() => server);

async function dj() {
  const email = `sets-${Math.random().toString(36).slice(2)}@example.com`;
  const created = await upstream('POST', '/auth/register', null, { email, password: 'correct-horse-42', full_name: 'Route DJ' });
  expect(created.status).toBe(201);
  const session = created.json as { access_token: string; user: { id: string } };
  const cookie = await encode({
    token: { uid: session.user.id, sid: await consoleSession(session.access_token), role: 'user', userType: 'dj', base44Token: session.access_token, email },
    secret: SECRET,
  });
  return { id: session.user.id, token: session.access_token, cookie: `next-auth.session-token=${cookie}` };
}

async function track() {
  const created = await upstream('POST', '/entities/Track', adminToken, { title: 'Played', producer_id: producerId, producer_name: 'Kaya Lune', status: 'approved' });
  return created.json.id as string;
}

const key = () => crypto.randomUUID();
function setOf(djId: string, tracks: Array<{ trackId: string; playedAt: string }>) {
  return { djId, venue: 'Club Orbit', city: 'Lyon', country: 'France', startedAt: '2026-11-20T22:00:00.000Z', endedAt: '2026-11-20T23:00:00.000Z', tracks };
}

function post(body: unknown, cookie: string | null, init: { key?: string | null; origin?: string | null; type?: string } = {}) {
  const headers = new Headers({ 'content-type': init.type ?? 'application/json' });
  if (cookie) headers.set('cookie', cookie);
  if (init.origin !== null) headers.set('origin', init.origin ?? ORIGIN);
  if (init.key !== null) headers.set('idempotency-key', init.key ?? key());
  const req = new NextRequest(`${ORIGIN}/api/sessions`, { method: 'POST', headers, body: JSON.stringify(body) });
  return POST(req, { params: Promise.resolve({}) });
}

function list(cookie: string) {
  return GET(new NextRequest(`${ORIGIN}/api/sessions`, { headers: { cookie } }), { params: Promise.resolve({}) });
}

describe('POST /api/sessions', () => {
  it('records a set once per key: 201, then 200 with the same set; listed by GET', async () => {
    const me = await dj();
    const body = setOf(me.id, [{ trackId: await track(), playedAt: '2026-11-20T22:10:00.000Z' }]);
    const k = key();
    const first = await post(body, me.cookie, { key: k });
    expect(first.status).toBe(201);
    const recorded = await first.json();
    expect(recorded).toMatchObject({
      alreadyRecorded: false,
      blackDiamondsAwarded: 1,
      skippedTrackIds: [],
      set: { djId: me.id, venue: 'Club Orbit', city: 'Lyon', country: 'France', tracksCount: 1, diamondAwarded: true },
      tracks: [{ producerId, trackArtist: 'Kaya Lune', venue: 'Club Orbit', playedAt: '2026-11-20T22:10:00.000Z' }],
    });
    const again = await post(body, me.cookie, { key: k });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ ...recorded, alreadyRecorded: true });
    const listed = await (await list(me.cookie)).json();
    expect(listed.sets.map((s: { id: string }) => s.id)).toEqual([recorded.set.id]);
    expect((await upstream('GET', '/entities/User/me', me.token)).json.black_diamonds).toBe(1);
  });

  it('concurrent deliveries of one key record one set', async () => {
    const me = await dj();
    const body = setOf(me.id, [{ trackId: await track(), playedAt: '2026-11-20T22:10:00.000Z' }]);
    const k = key();
    const answers = await Promise.all(Array.from({ length: 8 }, () => post(body, me.cookie, { key: k })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    expect((await (await list(me.cookie)).json()).sets).toHaveLength(1);
  });

  it('refuses a missing or bad key, bad bodies, another DJ, a reused key, no session, cross-site', async () => {
    const me = await dj();
    const body = setOf(me.id, []);
    const missing = await post(body, me.cookie, { key: null });
    expect(missing.status).toBe(400);
    expect((await missing.json()).error).toMatchObject({ code: 'invalid_input', issues: [{ path: 'Idempotency-Key', message: 'Required' }] });
    expect((await post(body, me.cookie, { key: 'short' })).status).toBe(400);
    expect((await post(body, me.cookie, { key: 'has spaces in it' })).status).toBe(400);
    expect((await post({ ...body, venue: '' }, me.cookie)).status).toBe(400);
    expect((await post({ ...body, endedAt: '2026-11-20T21:00:00.000Z' }, me.cookie)).status).toBe(400);
    expect((await post({ ...body, tracks: [{ trackId: 'x', playedAt: 'later' }] }, me.cookie)).status).toBe(400);
    expect((await post({ ...body, diamonds: 3 }, me.cookie)).status).toBe(400);
    const other = await post({ ...body, djId: producerId }, me.cookie);
    expect(other.status).toBe(403);
    expect((await other.json()).error.code).toBe('forbidden');
    const k = key();
    expect((await post(body, me.cookie, { key: k })).status).toBe(201);
    const reused = await post({ ...body, venue: 'Elsewhere' }, me.cookie, { key: k });
    expect(reused.status).toBe(409);
    expect((await reused.json()).error.message).toMatch(/different contents/);
    expect((await post(body, null)).status).toBe(401);
    expect((await post(body, me.cookie, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await post(body, me.cookie, { type: 'text/plain' })).status).toBe(415);
    expect((await (await list(me.cookie)).json()).sets).toHaveLength(1);
  });

  it('the same set under other keys: 409 overlapping_set with the first set’s id and a human reason; one diamond (issue #16)', async () => {
    const me = await dj();
    const body = setOf(me.id, [{ trackId: await track(), playedAt: '2026-11-20T22:10:00.000Z' }]);
    const first = await post(body, me.cookie);
    expect(first.status).toBe(201);
    const firstId = (await first.json()).set.id;
    for (let i = 0; i < 4; i++) {
      const again = await post(body, me.cookie);
      expect(again.status).toBe(409);
      expect(await again.json()).toEqual({
        error: {
          code: 'overlapping_set',
          message: expect.stringMatching(/^This set overlaps the set you recorded at Club Orbit on Fri,? 20 Nov 2026\.$/),
          details: { otherSetId: firstId, otherSetVenue: 'Club Orbit', otherSetStartedAt: '2026-11-20T22:00:00.000Z', otherSetEndedAt: '2026-11-20T23:00:00.000Z' },
        },
      });
    }
    expect((await (await list(me.cookie)).json()).sets).toHaveLength(1);
    expect((await upstream('GET', '/entities/User/me', me.token)).json.black_diamonds).toBe(1);
  });

  it('a set ending in 2099 is refused with 400 and a reason the DJ can act on (issue #16)', async () => {
    const me = await dj();
    const refused = await post({ ...setOf(me.id, []), startedAt: '2099-01-01T22:00:00.000Z', endedAt: '2099-01-02T01:00:00.000Z' }, me.cookie);
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toEqual({ code: 'invalid_input', message: expect.stringMatching(/ends in the future/) });
    expect((await (await list(me.cookie)).json()).sets).toHaveLength(0);
  });

  it('a play of the DJ’s own track comes back uncredited, and earns no diamond (issue #16)', async () => {
    const me = await dj();
    const created = await upstream('POST', '/entities/Track', adminToken, { title: 'Mine', producer_id: me.id, producer_name: 'Route DJ', status: 'approved' });
    const answer = await post(setOf(me.id, [{ trackId: created.json.id, playedAt: '2026-11-20T22:10:00.000Z' }]), me.cookie);
    expect(answer.status).toBe(201);
    expect(await answer.json()).toMatchObject({ blackDiamondsAwarded: 0, set: { diamondAwarded: false }, tracks: [{ trackId: created.json.id, credited: false }] });
  });
});
