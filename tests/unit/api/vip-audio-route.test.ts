import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedServer, type EmbeddedServer } from '@/lib/embedded-base44';
import { upstreamCaller } from '../base44/support/standalone';
import { FRAME_BYTES, FRAME_SECONDS, frameIndexes, syntheticMp3 } from '../media/synthetic-mp3';

// GET /api/tracks/:id/audio and /preview end to end in Node: the route handlers, the adapter and
// an embedded backend over HTTP standing in for a remote Base44. A locked VIP track's audio is
// refused whole and in part; its preview clip holds only the window's frames.

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const SECRET = 'unit-test-secret-0123456789abcdefghijklmnopqrstuvwxyz';
const ORIGIN = 'http://console.test';
const FRAMES = 1200; // 31.3 s
const file = syntheticMp3(FRAMES);
const dataDir = mkdtempSync(path.join(tmpdir(), 'vip-audio-route-'));
let server!: EmbeddedServer;
let audio!: Handler;
let preview!: Handler;
let unlockRoute!: Handler;
let adminToken = '';
let producer = { id: '', token: '' };
let fileUrl = '';

beforeAll(async () => {
  server = await startEmbeddedServer({ port: 0, dataDir, jwtSecret: 'vip-audio-route-jwt-secret-0123456789', seed: { trackCount: 0 } });
  process.env.NEXTAUTH_SECRET = SECRET;
  process.env.NEXTAUTH_URL = ORIGIN;
  process.env.BASE44_SERVER_URL = server.url;
  process.env.BASE44_APP_ID = server.backend.appId;
  process.env.SPYNNERS_DATA_DIR = dataDir;
  audio = ((await import('@/app/api/tracks/[id]/audio/route')) as unknown as { GET: Handler }).GET;
  preview = ((await import('@/app/api/tracks/[id]/preview/route')) as unknown as { GET: Handler }).GET;
  unlockRoute = ((await import('@/app/api/vip/[trackId]/unlock/route')) as unknown as { POST: Handler }).POST;
  adminToken = (await login('admin@spynners.local')).access_token;
  const p = await login('producer@spynners.local');
  producer = { id: p.user.id, token: p.access_token };
  const form = new FormData();
  form.set('file', new Blob([file], { type: 'audio/mpeg' }), 'vip.mp3');
  const uploaded = await fetch(`${server.url}/api/apps/${server.backend.appId}/integration-endpoints/Core/UploadFile`, {
    method: 'POST', headers: { authorization: `Bearer ${adminToken}` }, body: form,
  });
  fileUrl = ((await uploaded.json()) as { file_url: string }).file_url;
});
afterAll(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const { upstream, login, consoleSession } = upstreamCaller(() => server);
async function cookieFor(id: string, token: string, role: 'user' | 'admin' = 'user') {
  const sid = await consoleSession(token);
  const cookie = await encode({ token: { uid: id, sid, role, userType: 'dj', base44Token: token, email: 'x@example.com' }, secret: SECRET });
  return `next-auth.session-token=${cookie}`;
}
async function dj(diamonds: number) {
  const email = `vip-audio-${Math.random().toString(36).slice(2)}@example.com`;
  const created = await upstream('POST', '/auth/register', null, { email, password: 'correct-horse-42', full_name: 'Audio DJ' });
  const session = created.json as { access_token: string; user: { id: string } };
  await upstream('PUT', `/entities/User/${session.user.id}`, adminToken, { black_diamonds: diamonds });
  return { id: session.user.id, cookie: await cookieFor(session.user.id, session.access_token) };
}
async function track(fields: Record<string, unknown>) {
  const created = await upstream('POST', '/entities/Track', adminToken, {
    title: 'Audio', producer_id: producer.id, status: 'approved', audio_url: fileUrl, duration: FRAMES * FRAME_SECONDS, ...fields,
  });
  return created.json.id as string;
}
function get(handler: Handler, name: 'audio' | 'preview', id: string, cookie: string, range?: string) {
  const headers = new Headers({ cookie });
  if (range) headers.set('range', range);
  return handler(new NextRequest(`${ORIGIN}/api/tracks/${id}/${name}`, { headers }), { params: Promise.resolve({ id }) });
}
const bytesOf = async (res: Response) => new Uint8Array(await res.arrayBuffer());
/** Byte equality without vitest's element-by-element diff (slow on half a megabyte). */
const isTheFile = async (res: Response) => Buffer.from(await bytesOf(res)).equals(Buffer.from(file));

describe('a locked VIP track', () => {
  it('refuses the full audio and every range of it, with or without a preview', async () => {
    const member = await dj(0);
    for (const id of [await track({ is_vip: true, vip_preview_start: 10, vip_preview_end: 20 }), await track({ is_vip: true })]) {
      for (const range of [undefined, 'bytes=0-', 'bytes=0-1', 'bytes=200000-200100', 'bytes=-500']) {
        const res = await get(audio, 'audio', id, member.cookie, range);
        expect(res.status, range ?? 'no range').toBe(403);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('vip_locked');
      }
    }
  });

  it('plays its preview clip: the window frames only, as its own MP3, with ranges inside the clip', async () => {
    const member = await dj(0);
    const id = await track({ is_vip: true, vip_preview_start: 10, vip_preview_end: 20 });
    const whole = await get(preview, 'preview', id, member.cookie);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('audio/mpeg');
    const clip = await bytesOf(whole);
    expect(Number(whole.headers.get('content-length'))).toBe(clip.length);
    const frames = frameIndexes(clip);
    expect(frames[0]).toBe(Math.ceil(10 / FRAME_SECONDS) % 200);
    expect(frames.length * FRAME_SECONDS).toBeGreaterThan(9.9);
    expect(frames.length * FRAME_SECONDS).toBeLessThan(10.1);

    const part = await get(preview, 'preview', id, member.cookie, 'bytes=0-1');
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 0-1/${clip.length}`);
    expect([...(await bytesOf(part))]).toEqual([0xff, 0xfb]);
    // Past the clip (where the rest of the track would be): refused.
    const outside = await get(preview, 'preview', id, member.cookie, `bytes=${clip.length}-`);
    expect(outside.status).toBe(416);
    expect(outside.headers.get('content-range')).toBe(`bytes */${clip.length}`);
    expect(clip.length).toBeLessThan(FRAMES * FRAME_BYTES / 2);
  });

  it('has no preview when the track sets no window, and non-VIP tracks have none either', async () => {
    const member = await dj(0);
    for (const id of [await track({ is_vip: true }), await track({ is_vip: false })]) {
      expect((await get(preview, 'preview', id, member.cookie)).status).toBe(404);
    }
  });

  it('is served whole once unlocked, and to its producer; a non-VIP track to everyone', async () => {
    const member = await dj(1);
    const id = await track({ is_vip: true, vip_preview_start: 10, vip_preview_end: 20 });
    expect((await get(audio, 'audio', id, member.cookie)).status).toBe(403);
    const unlocked = await unlockRoute(
      new NextRequest(`${ORIGIN}/api/vip/${id}/unlock`, { method: 'POST', headers: { cookie: member.cookie, origin: ORIGIN, 'content-type': 'application/json' }, body: '{}' }),
      { params: Promise.resolve({ trackId: id }) },
    );
    expect(unlocked.status).toBe(200);
    const full = await get(audio, 'audio', id, member.cookie);
    expect(full.status).toBe(200);
    expect(await isTheFile(full)).toBe(true);
    const ranged = await get(audio, 'audio', id, member.cookie, 'bytes=200000-200009');
    expect(ranged.status).toBe(206);
    expect(await bytesOf(ranged)).toEqual(file.slice(200000, 200010));

    const own = await get(audio, 'audio', id, await cookieFor(producer.id, producer.token));
    expect(own.status).toBe(200);
    expect(await isTheFile(own)).toBe(true);
    const open = await get(audio, 'audio', await track({ is_vip: false }), (await dj(0)).cookie);
    expect(open.status).toBe(200);
    expect(await isTheFile(open)).toBe(true);
  });
});
