import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAMELOT_KEYS, ENERGY_LEVELS, GENRES } from '../../../lib/domain/enums';
import { DEMO_PASSWORD } from '../../../lib/embedded-base44';
import { startTestBackend, type TestBackend } from './support';

interface Track {
  id: string; title: string; genre: string; bpm: number; key: string; energy_level: string;
  status: string; duration: number; audio_url: string; artwork_url: string; producer_id: string;
  is_vip: boolean; vip_preview_start: number | null; vip_preview_end: number | null; rejection_reason: string | null;
  mood: string; label_name: string;
}

/** Walks MPEG-2 Layer III frames (the seed's 24 kHz mono) after an optional ID3v2 tag. */
function mp3Frames(bytes: Buffer): { frames: number; sampleRate: number; bitrates: Set<number> } {
  let offset = 0;
  if (bytes.subarray(0, 3).toString('latin1') === 'ID3') {
    offset = 10 + ((bytes[6]! << 21) | (bytes[7]! << 14) | (bytes[8]! << 7) | bytes[9]!);
  }
  const bitrates = new Set<number>();
  let frames = 0;
  let sampleRate = 0;
  while (offset < bytes.length) {
    const [b1, b2] = [bytes[offset + 1]!, bytes[offset + 2]!];
    if (bytes[offset] !== 0xff || (b1 & 0xf6) !== 0xf2) throw new Error(`no MPEG-2 Layer III frame sync at ${offset}`);
    const kbps = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160][b2 >> 4]!;
    sampleRate = [22050, 24000, 16000][(b2 >> 2) & 3]!;
    bitrates.add(kbps);
    offset += Math.floor((72 * kbps * 1000) / sampleRate) + ((b2 >> 1) & 1);
    frames += 1;
  }
  expect(offset).toBe(bytes.length);
  return { frames, sampleRate, bitrates };
}

let api: TestBackend;
let admin: string;
let tracks: Track[];
let seedSeconds: number;

beforeAll(async () => {
  const started = performance.now();
  api = await startTestBackend({ seed: true });
  seedSeconds = (performance.now() - started) / 1000;
  admin = await api.login('admin@spynners.local');
  tracks = (await api.call('GET', '/entities/Track', { token: admin, query: { sort: 'created_date' } })).json;
}, 60_000);
afterAll(() => api.close());

const fetchFile = async (url: string) => {
  const answer = await api.backend.handle(new Request(url));
  expect(answer.status, url).toBe(200);
  return { type: answer.headers.get('content-type'), bytes: Buffer.from(await answer.arrayBuffer()) };
};

describe('the demo seed', () => {
  it('seeds quickly enough for a first start', () => {
    console.info(`demo seed (${tracks.length} tracks) ready in ${seedSeconds.toFixed(1)} s`);
    expect(seedSeconds).toBeLessThan(30);
  });

  it('creates the demo accounts, all signing in with the demo password', async () => {
    const emails = ['dj', 'producer', 'producer2', 'producer3', 'producer4', 'admin', 'moderator'].map((n) => `${n}@spynners.local`);
    const users = await Promise.all(
      emails.map(async (email) => (await api.call('POST', '/auth/login', { body: { email, password: DEMO_PASSWORD } })).json.user),
    );
    expect(users.map((u) => u.email)).toEqual(emails);
    expect(users[0]).toMatchObject({ user_type: 'dj', black_diamonds: 3, role: 'user' });
    expect(users[5]).toMatchObject({ role: 'admin' });
    expect(users[6]).toMatchObject({ role: 'admin_readonly' });
    const producers = new Set(tracks.map((t) => t.producer_id));
    expect(producers.size).toBeGreaterThanOrEqual(3);
  });

  it('has at least 40 tracks across every canonical genre, with sound metadata', () => {
    expect(tracks.length).toBeGreaterThanOrEqual(40);
    expect(new Set(tracks.map((t) => t.genre))).toEqual(new Set(GENRES));
    for (const track of tracks) {
      expect(CAMELOT_KEYS).toContain(track.key);
      expect(ENERGY_LEVELS).toContain(track.energy_level);
      expect(track.mood && track.label_name && track.title).toBeTruthy();
      expect(track.duration).toBeGreaterThanOrEqual(30);
    }
    const dnb = tracks.filter((t) => t.genre === 'Drum & Bass').map((t) => t.bpm);
    const deep = tracks.filter((t) => t.genre === 'Deep House').map((t) => t.bpm);
    expect(Math.min(...dnb)).toBeGreaterThanOrEqual(168);
    expect(Math.max(...deep)).toBeLessThanOrEqual(126);
  });

  it('has pending tracks, exactly one rejected with a reason, and VIP tracks with preview windows', () => {
    expect(tracks.filter((t) => t.status === 'pending').length).toBeGreaterThanOrEqual(3);
    const rejected = tracks.filter((t) => t.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.rejection_reason).toBeTruthy();
    const vip = tracks.filter((t) => t.is_vip);
    expect(vip.length).toBeGreaterThanOrEqual(3);
    for (const t of vip) {
      expect(t.status).toBe('approved');
      expect(t.vip_preview_end! - t.vip_preview_start!).toBe(15);
      expect(t.vip_preview_end!).toBeLessThanOrEqual(t.duration);
    }
  });

  it('serves real MP3 audio: frame after frame to the end, as long as the duration says, all different', async () => {
    const digests = new Set<string>();
    for (const track of tracks) {
      const { type, bytes } = await fetchFile(track.audio_url);
      expect(type).toBe('audio/mpeg');
      expect(bytes.subarray(0, 3).toString('latin1')).toBe('ID3');
      expect(bytes.length).toBeLessThan(300 * 1024);
      const { frames, sampleRate, bitrates } = mp3Frames(bytes);
      expect(sampleRate).toBe(24000);
      expect([...bitrates]).toEqual([48]);
      expect(frames * 576 / sampleRate).toBeCloseTo(track.duration, 6);
      digests.add(createHash('sha256').update(bytes).digest('hex'));
    }
    expect(digests.size).toBe(tracks.length);
  });

  it('serves a distinct JPEG cover per track (a raster image: lock screens need one)', async () => {
    const covers = new Set<string>();
    for (const track of tracks) {
      const { type, bytes } = await fetchFile(track.artwork_url);
      expect(type).toBe('image/jpeg');
      expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
      expect(bytes.length).toBeLessThan(64 * 1024);
      expect(await sharp(bytes).metadata()).toMatchObject({ format: 'jpeg', width: 512, height: 512 });
      covers.add(createHash('sha256').update(bytes).digest('hex'));
    }
    expect(covers.size).toBe(tracks.length);
  });

  it('gives the demo DJ and producer activity to look at', async () => {
    const dj = await api.login('dj@spynners.local');
    const producer = await api.login('producer@spynners.local');
    const mine = async (token: string, entity: string) => (await api.call('GET', `/entities/${entity}`, { token })).json as Record<string, unknown>[];
    const playlists = await mine(dj, 'Playlist');
    expect(playlists.map((p) => p.is_public)).toEqual(expect.arrayContaining([true, false]));
    expect((await mine(dj, 'SessionMix')).length).toBeGreaterThanOrEqual(2);
    expect((await mine(producer, 'SessionTrack')).length).toBeGreaterThanOrEqual(2);
    expect((await mine(producer, 'Notification')).filter((n) => n.type === 'track_played').length).toBeGreaterThanOrEqual(2);
    const [purchase] = await mine(dj, 'VIPPurchase');
    expect(tracks.find((t) => t.id === purchase?.track_id)?.is_vip).toBe(true);
    expect((await mine(dj, 'TrackSend')).length).toBe(1);
    expect((await mine(producer, 'Message')).length).toBe(2);
  });

  it('gives the demo producers a history of plays: several weeks, venues and sets, of their approved tracks only', async () => {
    const producer = await api.login('producer@spynners.local');
    const me = (await api.call('GET', '/entities/User/me', { token: producer })).json as { id: string };
    const plays = (await api.call('GET', '/entities/SessionTrack', { token: producer, query: { limit: 5000 } })).json as Record<string, string>[];
    const mine = plays.filter((p) => p.producer_id === me.id);
    const weeks = new Set(mine.map((p) => Math.floor((Date.parse(p.played_at ?? '') + 3 * 86_400_000) / (7 * 86_400_000))));
    expect(mine.length).toBeGreaterThanOrEqual(10);
    expect(weeks.size).toBeGreaterThanOrEqual(6);
    expect(new Set(mine.map((p) => p.venue)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(mine.map((p) => p.session_mix_id)).size).toBeGreaterThanOrEqual(8);
    const played = new Set(plays.map((p) => p.track_id));
    expect(tracks.filter((t) => played.has(t.id)).every((t) => t.status === 'approved')).toBe(true);
    const second = await api.login('producer2@spynners.local');
    expect(((await api.call('GET', '/entities/SessionTrack', { token: second })).json as unknown[]).length).toBeGreaterThan(0);
  });

  it('produces the same data on every first start', async () => {
    const snapshot = async () => {
      const fresh = await startTestBackend({ trackCount: 3 });
      try {
        const token = await fresh.login('admin@spynners.local');
        const list = (await fresh.call('GET', '/entities/Track', { token, query: { sort: 'created_date' } })).json as Track[];
        const audio = await Promise.all(list.map(async (t) => Buffer.from(await (await fresh.backend.handle(new Request(t.audio_url))).arrayBuffer())));
        return { list, audio };
      } finally {
        fresh.close();
      }
    };
    const [first, second] = [await snapshot(), await snapshot()];
    expect(second.list).toEqual(first.list);
    expect(second.audio).toEqual(first.audio);
  });
});
