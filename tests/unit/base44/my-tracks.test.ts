import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Base44Error } from '@/lib/base44/errors';
import { trackMetadataSchema } from '@/lib/domain/track-metadata';
import { DEMO_PASSWORD } from '@/lib/embedded-base44';
import { startEmbedded } from './support/embedded';

// Upload and a producer's own tracks against the real embedded backend: the file streams through
// UploadFile, a new track is pending whoever asks, and ownership is enforced before any write.

let env!: Awaited<ReturnType<typeof startEmbedded>>;
const producer = { id: '', token: '' };
const producer2 = { id: '', token: '' };
let admin = { id: '', token: '' };

beforeAll(async () => {
  env = await startEmbedded();
  for (const [who, email] of [[producer, 'producer@spynners.local'], [producer2, 'producer2@spynners.local'], [admin, 'admin@spynners.local']] as const) {
    const session = await env.base44.login(email, DEMO_PASSWORD);
    who.id = session.user.id;
    who.token = session.accessToken;
  }
});
afterAll(() => env.close());

const metadata = trackMetadataSchema.parse({
  title: 'Unit Upload', artist: 'Kaya Lune', labelName: null, collaborators: null, genre: 'Techno', bpm: 128,
  key: '8A', energy: 'high', mood: null, releaseDate: null, isrc: null, iswc: null, description: null,
  isUnreleased: false, vipRequested: true, rightsConfirmed: true, freeDownloadAuthorized: false,
});

async function* chunks(total: number, size = 64 * 1024) {
  for (let sent = 0; sent < total; sent += size) yield new Uint8Array(Math.min(size, total - sent)).fill(sent % 251);
}

const codeOf = (promise: Promise<unknown>) => promise.then(() => 'resolved', (e: unknown) => (e instanceof Base44Error ? e.code : String(e)));

describe('uploadFile', () => {
  it('streams a file to UploadFile and the stored file has every byte', async () => {
    const url = await env.base44.uploadFile(producer.token, { filename: 'unit.mp3', contentType: 'audio/mpeg', chunks: chunks(1_000_000) });
    expect(url).toMatch(/\/files\/[0-9a-f]{32}\.mp3$/);
    const stored = await env.base44.fetchMedia(url);
    expect(stored.headers.get('content-type')).toBe('audio/mpeg');
    expect((await stored.arrayBuffer()).byteLength).toBe(1_000_000);
  });

  it('without a session, upstream refuses it', async () => {
    expect(await codeOf(env.base44.uploadFile('not-a-token', { filename: 'a.mp3', contentType: 'audio/mpeg', chunks: chunks(10) }))).toBe('unauthorized');
  });
});

describe('a producer\'s own tracks', () => {
  it('creates pending tracks (for admins too), lists them with every status, edits and deletes them', async () => {
    const audioUrl = await env.base44.uploadFile(producer.token, { filename: 'a.mp3', contentType: 'audio/mpeg', chunks: chunks(2048) });
    const created = await env.base44.createTrack(producer.token, producer.id, { metadata, audioUrl, artworkUrl: null, durationSeconds: 215 });
    expect(created).toMatchObject({
      title: 'Unit Upload', artist: 'Kaya Lune', producerId: producer.id, status: 'pending', genre: 'Techno', bpm: 128, key: '8A',
      energy: 'high', vipRequested: true, rightsConfirmed: true, durationSeconds: 215, audioUrl: `/api/tracks/${created.id}/audio`,
    });
    const byAdmin = await env.base44.createTrack(admin.token, admin.id, { metadata, audioUrl, artworkUrl: null, durationSeconds: null });
    expect(byAdmin.status).toBe('pending');

    const mine = await env.base44.listMyTracks(producer.token, producer.id);
    expect(mine[0]!.id).toBe(created.id);
    expect(new Set(mine.map((t) => t.status))).toEqual(new Set(['pending', 'approved', 'rejected']));
    expect(mine.every((t) => t.producerId === producer.id)).toBe(true);
    expect(mine.find((t) => t.status === 'rejected')!.rejectionReason).toMatch(/Clipping/);

    const edited = await env.base44.updateMyTrack(producer.token, producer.id, created.id, { title: 'Unit Upload (edit)', bpm: null });
    expect(edited).toMatchObject({ title: 'Unit Upload (edit)', bpm: null, status: 'pending', genre: 'Techno' });

    await env.base44.deleteMyTrack(producer.token, producer.id, created.id);
    expect((await env.base44.listMyTracks(producer.token, producer.id)).map((t) => t.id)).not.toContain(created.id);
  });

  it('another producer can neither edit nor delete it, and nothing changes', async () => {
    const audioUrl = await env.base44.uploadFile(producer.token, { filename: 'b.mp3', contentType: 'audio/mpeg', chunks: chunks(2048) });
    const pending = await env.base44.createTrack(producer.token, producer.id, { metadata, audioUrl, artworkUrl: null, durationSeconds: null });
    const approved = (await env.base44.listMyTracks(producer.token, producer.id)).find((t) => t.status === 'approved')!;
    for (const track of [pending, approved]) {
      expect(await codeOf(env.base44.updateMyTrack(producer2.token, producer2.id, track.id, { title: 'Stolen' }))).toBe('forbidden');
      expect(await codeOf(env.base44.deleteMyTrack(producer2.token, producer2.id, track.id))).toBe('forbidden');
    }
    const after = await env.base44.listMyTracks(producer.token, producer.id);
    expect(after.find((t) => t.id === pending.id)).toMatchObject({ title: 'Unit Upload' });
    expect(after.find((t) => t.id === approved.id)).toMatchObject({ title: approved.title });
  });
});
