import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedServer, type EmbeddedServer } from '@/lib/embedded-base44';
import { upstreamCaller } from './support/standalone';

// POST /api/vip/:trackId/unlock end to end in Node: the route handler, the adapter and an embedded
// backend over HTTP standing in for a remote Base44 (BASE44_SERVER_URL set, as in production).

const SECRET = 'unit-test-secret-0123456789abcdefghijklmnopqrstuvwxyz';
const ORIGIN = 'http://console.test';
const dataDir = mkdtempSync(path.join(tmpdir(), 'unlock-route-'));
let server!: EmbeddedServer;
let POST!: (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
let adminToken = '';
let producerId = '';

beforeAll(async () => {
  server = await startEmbeddedServer({ port: 0, dataDir, jwtSecret: 'unlock-route-jwt-secret-0123456789', seed: { trackCount: 0 } });
  process.env.NEXTAUTH_SECRET = SECRET;
  process.env.NEXTAUTH_URL = ORIGIN;
  process.env.BASE44_SERVER_URL = server.url;
  process.env.BASE44_APP_ID = server.backend.appId;
  process.env.SPYNNERS_DATA_DIR = dataDir;
  ({ POST } = (await import('@/app/api/vip/[trackId]/unlock/route')) as unknown as { POST: typeof POST });
  adminToken = (await login('admin@spynners.local')).access_token;
  producerId = (await login('producer@spynners.local')).user.id;
});
afterAll(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const { upstream, login, consoleSession } = upstreamCaller(() => server);

async function dj(diamonds: number) {
  const email = `route-${Math.random().toString(36).slice(2)}@example.com`;
  const created = await upstream('POST', '/auth/register', null, { email, password: 'correct-horse-42', full_name: 'Route DJ' });
  expect(created.status).toBe(201);
  const session = created.json as { access_token: string; user: { id: string } };
  expect((await upstream('PUT', `/entities/User/${session.user.id}`, adminToken, { black_diamonds: diamonds })).status).toBe(200);
  const cookie = await encode({
    token: { uid: session.user.id, sid: await consoleSession(session.access_token), role: 'user', userType: 'dj', base44Token: session.access_token, email },
    secret: SECRET,
  });
  return { id: session.user.id, token: session.access_token, cookie: `next-auth.session-token=${cookie}` };
}

async function vipTrack(fields: Record<string, unknown> = {}) {
  const created = await upstream('POST', '/entities/Track', adminToken, { title: 'VIP', producer_id: producerId, status: 'approved', is_vip: true, ...fields });
  expect(created.status).toBe(201);
  return created.json.id as string;
}

function unlock(trackId: string, cookie: string | null, init: { origin?: string | null; body?: string | null; type?: string } = {}) {
  const headers = new Headers();
  if (cookie) headers.set('cookie', cookie);
  if (init.origin !== null) headers.set('origin', init.origin ?? ORIGIN);
  if (init.body !== null) headers.set('content-type', init.type ?? 'application/json');
  const req = new NextRequest(`${ORIGIN}/api/vip/${trackId}/unlock`, { method: 'POST', headers, body: init.body === null ? undefined : (init.body ?? '{}') });
  return POST(req, { params: Promise.resolve({ trackId }) });
}

const balanceOf = async (token: string) => (await upstream('GET', '/entities/User/me', token)).json.black_diamonds;

describe('POST /api/vip/:trackId/unlock', () => {
  it('unlocks for one diamond, then answers the same purchase without charging', async () => {
    const member = await dj(2);
    const id = await vipTrack();
    const first = await unlock(id, member.cookie);
    expect(first.status).toBe(200);
    const body = await first.json();
    expect(body).toEqual({
      purchase: { id: expect.any(String), userId: member.id, trackId: id, amount: 1, purchasedAt: expect.any(String) },
      blackDiamonds: 1,
      alreadyUnlocked: false,
    });
    const again = await unlock(id, member.cookie);
    expect(await again.json()).toEqual({ ...body, alreadyUnlocked: true });
    expect(await balanceOf(member.token)).toBe(1);
  });

  it('answers 402 insufficient_diamonds with a message the UI shows, changing nothing', async () => {
    const member = await dj(0);
    const res = await unlock(await vipTrack(), member.cookie);
    expect(res.status).toBe(402);
    expect(await res.json()).toEqual({ error: { code: 'insufficient_diamonds', message: expect.stringMatching(/^Not enough Black Diamonds/) } });
    expect(await balanceOf(member.token)).toBe(0);
  });

  it('concurrent requests for 3 tracks with 2 diamonds: 200, 200, 402 and a balance of 0', async () => {
    const member = await dj(2);
    const ids = [await vipTrack(), await vipTrack(), await vipTrack()];
    const statuses = (await Promise.all(ids.map((id) => unlock(id, member.cookie)))).map((r) => r.status);
    expect(statuses.sort()).toEqual([200, 200, 402]);
    expect(await balanceOf(member.token)).toBe(0);
  });

  it('refuses non-VIP (409), unknown (404), bad ids (400), no session (401), cross-site (403), non-JSON (415)', async () => {
    const member = await dj(3);
    const plain = await vipTrack({ is_vip: false });
    const vip = await vipTrack();
    const conflict = await unlock(plain, member.cookie);
    expect(conflict.status).toBe(409);
    expect((await conflict.json()).error).toEqual({ code: 'conflict', message: 'Only approved VIP tracks can be unlocked.' });
    expect((await unlock('no-such-track', member.cookie)).status).toBe(404);
    expect((await unlock('bad%20id', member.cookie)).status).toBe(400);
    expect((await unlock(vip, null)).status).toBe(401);
    expect((await unlock(vip, member.cookie, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await unlock(vip, member.cookie, { origin: null })).status).toBe(403);
    expect((await unlock(vip, member.cookie, { type: 'text/plain' })).status).toBe(415);
    expect((await unlock(vip, member.cookie, { body: '{"price":0}' })).status).toBe(400);
    expect(await balanceOf(member.token)).toBe(3);
  });
});
