import { createClient } from '@base44/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startEmbeddedServer, type EmbeddedServer } from '../../../lib/embedded-base44';
import { APP_ID, tempDir } from './support';

// The official SDK, unchanged, against the standalone server on a free port.
let server: EmbeddedServer;
let removeDir: () => void;

function client() {
  return createClient({ serverUrl: server.url, appId: APP_ID, analytics: { enabled: false } });
}

async function signedIn(email: string) {
  const base44 = client();
  const { user } = await base44.auth.loginViaEmailPassword(email, DEMO_PASSWORD);
  return { base44, user, Track: base44.entities.Track! };
}

interface Track {
  id: string;
  title: string;
  genre: string;
  bpm: number;
  status: string;
  producer_id: string;
}

beforeAll(async () => {
  const dir = tempDir('embedded-base44-sdk-');
  removeDir = dir.remove;
  server = await startEmbeddedServer({ dataDir: dir.dir, port: 0, seed: { trackCount: 8 } });
});
afterAll(async () => {
  await server.close();
  removeDir();
});

describe('@base44/sdk against the embedded server', () => {
  it('signs in (the SDK keeps the token) and reads the current user', async () => {
    const { base44, user } = await signedIn('dj@spynners.local');
    expect(user).toMatchObject({ email: 'dj@spynners.local', user_type: 'dj' });
    const me = await base44.auth.me();
    expect(me).toMatchObject({ id: user.id, artist_name: 'DJ Nova', data: expect.objectContaining({ black_diamonds: 3 }) });
    const updated = await base44.auth.updateMe({ bio: 'Updated through the SDK' });
    expect(updated.bio).toBe('Updated through the SDK');
  });

  it('turns a wrong password into a Base44Error with status 401', async () => {
    await expect(client().auth.loginViaEmailPassword('dj@spynners.local', 'nope-nope')).rejects.toMatchObject({
      status: 401,
      message: 'Invalid email or password',
    });
  });

  it('lists, filters, gets, counts and pages tracks', async () => {
    const { Track: tracks } = await signedIn('dj@spynners.local');
    const newest = (await tracks.list('-created_date', 3)) as Track[];
    expect(newest).toHaveLength(3);
    expect(newest.every((t) => t.status === 'approved')).toBe(true);
    const genre = newest[0]!.genre;
    const filtered = (await tracks.filter({ genre, status: 'approved' }, 'bpm', 10, 0, ['title', 'genre'])) as Track[];
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.every((t) => t.genre === genre && !('bpm' in t))).toBe(true);
    const one = (await tracks.get(newest[1]!.id)) as Track;
    expect(one.title).toBe(newest[1]!.title);
    const count = await tracks.count({ status: 'approved' });
    const everything = (await tracks.list()) as Track[];
    expect(count).toBe(everything.length);
    const first = await tracks.list({ sort: 'title', limit: 4 });
    const second = await tracks.list({ cursor: first.next_cursor, limit: 4 });
    const titles = [...first.items, ...second.items].map((t) => (t as Track).title);
    expect(titles).toEqual(everything.map((t) => t.title).sort().slice(0, titles.length));
  });

  it('creates, updates and deletes as a producer, and reports a forbidden call as 403', async () => {
    const { Track: tracks, user } = await signedIn('producer@spynners.local');
    const created = (await tracks.create({ title: 'SDK Track', genre: 'Techno', bpm: 130, status: 'approved' })) as Track;
    expect(created).toMatchObject({ status: 'pending', producer_id: user.id });
    const updated = (await tracks.update(created.id, { bpm: 132 })) as Track;
    expect(updated.bpm).toBe(132);
    const { Track: djTracks } = await signedIn('dj@spynners.local');
    await expect(djTracks.update(created.id, { bpm: 1 })).rejects.toMatchObject({ status: 403 });
    await expect(djTracks.create({ title: 'x', bpm: 'fast' })).rejects.toMatchObject({ status: 400 });
    expect(await tracks.delete(created.id)).toEqual({ success: true });
    await expect(tracks.get(created.id)).rejects.toMatchObject({ status: 404 });
  });

  it('runs bulk creates and an atomic update-many as an admin', async () => {
    const { Track: tracks } = await signedIn('admin@spynners.local');
    const created = (await tracks.bulkCreate([
      { title: 'Bulk A', genre: 'SDK', play_count: 1 },
      { title: 'Bulk B', genre: 'SDK', play_count: 2 },
    ])) as Track[];
    expect(created).toHaveLength(2);
    const result = await tracks.updateMany({ genre: 'SDK', play_count: { $gte: 2 } }, { $inc: { play_count: 5 } });
    expect(result).toMatchObject({ success: true, updated: 1, has_more: false });
    const { deleted } = (await tracks.deleteMany({ genre: 'SDK' })) as { deleted: number };
    expect(deleted).toBe(2);
  });

  it('uploads a file through Core.UploadFile and serves it back with ranges', async () => {
    const { base44 } = await signedIn('producer@spynners.local');
    const bytes = Uint8Array.from({ length: 3000 }, (_, i) => i % 256);
    const { file_url: url } = (await base44.integrations.Core.UploadFile({ file: new File([bytes], 'demo.mp3', { type: 'audio/mpeg' }) })) as { file_url: string };
    expect(url.startsWith(`${server.url}/api/apps/${APP_ID}/files/`)).toBe(true);
    const whole = await fetch(url);
    expect(whole.headers.get('content-type')).toBe('audio/mpeg');
    expect(new Uint8Array(await whole.arrayBuffer())).toEqual(bytes);
    const part = await fetch(url, { headers: { range: 'bytes=-10' } });
    expect(part.status).toBe(206);
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(bytes.slice(-10));
  });

  it('registers a new member', async () => {
    const answer = (await client().auth.register({ email: 'sdk@example.com', password: 'sdk-password-1', full_name: 'SDK User' } as never)) as {
      access_token: string;
    };
    const base44 = client();
    base44.auth.setToken(answer.access_token, false);
    expect(await base44.auth.me()).toMatchObject({ email: 'sdk@example.com', role: 'user' });
  });
});
