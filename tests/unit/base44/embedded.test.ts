import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Base44Error } from '@/lib/base44/errors';
import { trackListQuerySchema } from '@/lib/domain/track-query';
import { DEMO_PASSWORD } from '@/lib/embedded-base44';
import { startEmbedded } from './support/embedded';

describe('the adapter against the embedded backend', () => {
  // One backend for these tests: each works on its own data (its own account or field).
  let env!: Awaited<ReturnType<typeof startEmbedded>>;
  // Seeding the demo catalogue takes seconds, more on a loaded 2-core runner.
  beforeAll(async () => {
    env = await startEmbedded();
  }, 90_000);
  afterAll(() => env?.close());

  it('signs in, reads and updates the profile', async () => {
    const { base44 } = env;
    const { accessToken, user } = await base44.login('dj@spynners.local', DEMO_PASSWORD);
    expect(user).toMatchObject({ email: 'dj@spynners.local', userType: 'dj', artistName: 'DJ Nova', role: 'user' });
    expect(user.preferredGenres).toContain('Tech House');
    const updated = await base44.updateMe(accessToken, { bio: 'Back to back all night', soundcloudUrl: 'https://soundcloud.com/nova' });
    expect(updated).toMatchObject({ bio: 'Back to back all night', soundcloudUrl: 'https://soundcloud.com/nova' });
    await expect(base44.getMe(accessToken)).resolves.toMatchObject({ bio: 'Back to back all night' });
  });

  it('says "Wrong email or password" for a wrong password', async () => {
    const error = await env.base44.login('dj@spynners.local', 'not-the-password').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Base44Error);
    expect(error).toMatchObject({ code: 'unauthorized', message: 'Wrong email or password' });
  });

  it('registers a member, and refuses the same email twice', async () => {
    const input = { email: 'new@example.com', password: 'long-enough-1', fullName: 'New Member', userType: 'dj_producer' as const, artistName: 'Newbie' };
    const { accessToken, user } = await env.base44.register(input);
    expect(user).toMatchObject({ email: 'new@example.com', fullName: 'New Member', userType: 'dj_producer', artistName: 'Newbie' });
    await expect(env.base44.getMe(accessToken)).resolves.toMatchObject({ id: user.id });
    await expect(env.base44.register(input)).rejects.toMatchObject({
      code: 'conflict',
      message: 'An account with this email already exists',
    });
  });

  it('streams a track\'s audio, with ranges, through the in-process backend', async () => {
    const { base44 } = env;
    const { accessToken } = await base44.login('dj@spynners.local', DEMO_PASSWORD);
    const page = await base44.listTracks(accessToken, trackListQuerySchema.parse({ pageSize: '3' }));
    const track = page.items.find((t) => t.audioUrl)!;
    expect(track.audioUrl).toBe(`/api/tracks/${track.id}/audio`);
    const source = await base44.getTrackMediaSource(accessToken, track.id, 'audio');
    expect(source?.startsWith(env.backend.baseUrl)).toBe(true);
    const partial = await base44.fetchMedia(source!, { range: 'bytes=0-1' });
    expect(partial.status).toBe(206);
    expect(partial.headers.get('content-range')).toMatch(/^bytes 0-1\/\d+$/);
    expect((await partial.arrayBuffer()).byteLength).toBe(2);
  });
});

describe('the default instance', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'base44-default-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('runs on the embedded backend under the data dir when no server URL is set', async () => {
    process.env.SPYNNERS_DATA_DIR = dataDir;
    delete process.env.BASE44_SERVER_URL;
    const { login, listTracks, base44 } = await import('@/lib/base44');
    const { accessToken } = await login('dj@spynners.local', DEMO_PASSWORD);
    const page = await listTracks(accessToken, trackListQuerySchema.parse({}));
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((t) => t.status === 'approved')).toBe(true);
    expect(base44()).toBe((await import('@/lib/base44')).base44());
  });
});
