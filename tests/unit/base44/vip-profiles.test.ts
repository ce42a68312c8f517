import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { avatarFor, webLink } from '@/lib/base44/avatars';
import { Base44Error } from '@/lib/base44/errors';
import { backendCall, createMembers, startEmbeddedWithDemoMembers, type SignedInMember } from './support/embedded';

let env!: Awaited<ReturnType<typeof startEmbeddedWithDemoMembers>>;
let dj!: SignedInMember;
let producer!: SignedInMember;
let admin = '';

beforeAll(async () => {
  env = await startEmbeddedWithDemoMembers();
  ({ dj, producer } = env);
  admin = env.admin.token;
});
afterAll(() => env.close());

describe('the VIP overview', () => {
  it('lists the approved VIP tracks, the caller\'s unlocks only, and their balance', async () => {
    const { base44 } = env;
    const catalogue = await base44.listCatalogue(dj.token);
    const vip = catalogue.tracks.filter((t) => t.isVip);
    expect(vip.length).toBeGreaterThanOrEqual(2);
    const seeded = await backendCall(env.backend, 'GET', `/entities/VIPPurchase?q=${encodeURIComponent(JSON.stringify({ user_id: dj.id }))}`, admin);
    expect(seeded.json).toHaveLength(1);
    const other = vip.find((t) => t.id !== seeded.json[0].track_id)!;

    // Another unlock, a legacy one without a type, a purchase of another kind, someone else's.
    const extra = [
      { user_id: dj.id, track_id: other.id, amount: 1, type: 'track_unlock' },
      { user_id: dj.id, track_id: 'legacy-track', amount: 1 },
      { user_id: dj.id, track_id: 'gift-track', amount: 1, type: 'gift' },
      { user_id: producer.id, track_id: 'their-track', amount: 1, type: 'track_unlock' },
      { user_id: dj.id, track_id: other.id, amount: 1, type: 'track_unlock' },
    ];
    for (const record of extra) expect((await backendCall(env.backend, 'POST', '/entities/VIPPurchase', admin, record)).status).toBe(201);

    const overview = await base44.getVipOverview(dj.token, dj.id);
    expect(overview.tracks.map((t) => t.id)).toEqual(vip.map((t) => t.id));
    expect(overview.tracks.every((t) => t.isVip && t.status === 'approved')).toBe(true);
    expect([...overview.unlockedTrackIds].sort()).toEqual([seeded.json[0].track_id, other.id, 'legacy-track'].sort());
    expect(overview.blackDiamonds).toBe(3);

    const theirs = await base44.getVipOverview(producer.token, producer.id);
    expect(theirs.unlockedTrackIds).toEqual(['their-track']);
    expect(theirs.blackDiamonds).toBe(0);
  });

  it('has no unlocks for a new member', async () => {
    const [member] = await createMembers(env.backend, admin, 1, 'vip');
    await expect(env.base44.getVipOverview(member!.token, member!.id)).resolves.toMatchObject({ unlockedTrackIds: [], blackDiamonds: 0 });
  });
});

describe('public profiles', () => {
  it('show the public fields only, with a same-origin avatar for a backend file', async () => {
    const profile = await env.base44.getPublicProfile(dj.token, producer.id);
    expect(profile).toEqual({
      id: producer.id,
      fullName: 'Demo Producer',
      artistName: 'Kaya Lune',
      userType: 'producer',
      bio: 'Deep and melodic house from Lyon.',
      avatarUrl: expect.stringMatching(new RegExp(`^/api/users/${producer.id}/avatar\\?v=[0-9a-z]+$`)),
      nationality: 'FR',
      links: { instagramUrl: null, soundcloudUrl: null, beatportUrl: null },
    });
    const source = await env.base44.getUserAvatarSource(dj.token, producer.id);
    expect(source?.startsWith(`${env.backend.baseUrl}/api/apps/`)).toBe(true);
    const image = await env.base44.fetchMedia(source!);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/jpeg');
    await image.body?.cancel();
    // The member's own profile maps the same way.
    await expect(env.base44.getMe(producer.token)).resolves.toMatchObject({ avatarUrl: profile.avatarUrl });
  });

  it('keep public https avatars as they are and drop unsafe links and private avatars', async () => {
    const [member] = await createMembers(env.backend, admin, 1, 'profile');
    await backendCall(env.backend, 'PUT', `/entities/User/${member!.id}`, admin, {
      avatar_url: 'https://cdn.example.org/a.png',
      instagram_url: 'javascript:alert(1)',
      soundcloud: 'https://soundcloud.com/someone',
      beatport_url: 'not a url',
    });
    const profile = await env.base44.getPublicProfile(dj.token, member!.id);
    expect(profile.avatarUrl).toBe('https://cdn.example.org/a.png');
    expect(profile.links).toEqual({ instagramUrl: null, soundcloudUrl: 'https://soundcloud.com/someone', beatportUrl: null });
    await expect(env.base44.getUserAvatarSource(dj.token, member!.id)).resolves.toBeNull();
    expect(JSON.stringify(profile)).not.toMatch(/@example\.com|blackDiamonds|email/);
  });

  it('are read once for every member, and again after the member changes theirs', async () => {
    const [member, readerA, readerB] = await createMembers(env.backend, admin, 3, 'shared');
    env.backend.resetStats();
    await Promise.all([readerA, readerB, readerA].map((r) => env.base44.getPublicProfile(r!.token, member!.id)));
    await env.base44.getPublicProfile(readerB!.token, member!.id);
    expect(env.calls('GET /entities/User/:id')).toBe(1);
    await env.base44.updateMe(member!.token, { bio: 'New bio' });
    await expect(env.base44.getPublicProfile(readerA!.token, member!.id)).resolves.toMatchObject({ bio: 'New bio' });
    expect(env.calls('GET /entities/User/:id')).toBe(2);
  });

  it('answer not_found for an unknown member', async () => {
    const error = await env.base44.getPublicProfile(dj.token, 'nobody-here').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Base44Error);
    expect(error).toMatchObject({ code: 'not_found' });
  });
});

describe('the avatar rule', () => {
  const origin = 'http://127.0.0.1:4310';
  it.each([
    [`${origin}/api/apps/x/files/a.svg`, expect.stringMatching(/^\/api\/users\/u1\/avatar\?v=[0-9a-z]+$/), `${origin}/api/apps/x/files/a.svg`],
    ['https://cdn.example.org/a.png', 'https://cdn.example.org/a.png', null],
    ['https://images.spynners.com/u/1.jpg', 'https://images.spynners.com/u/1.jpg', null],
    ['http://cdn.example.org/a.png', null, null],
    ['https://10.0.0.1/a.png', null, null],
    ['https://[::1]/a.png', null, null],
    ['https://localhost/a.png', null, null],
    ['https://files.internal/a.png', null, null],
    ['https://intranet/a.png', null, null],
    ['https://user:pass@cdn.example.org/a.png', null, null],
    ['http://127.0.0.1:9999/a.png', null, null],
    ['data:image/png;base64,AAAA', null, null],
    ['javascript:alert(1)', null, null],
    ['/relative.png', null, null],
    [null, null, null],
  ])('%s → %s', (raw, url, source) => {
    expect(avatarFor('u1', raw, origin)).toEqual({ url, source });
  });

  it('gives a new proxy address to a new file (the browser caches the old one for an hour)', () => {
    const first = avatarFor('u1', `${origin}/api/apps/x/files/a.png`, origin).url;
    expect(avatarFor('u1', `${origin}/api/apps/x/files/a.png`, origin).url).toBe(first);
    expect(avatarFor('u1', `${origin}/api/apps/x/files/b.png`, origin).url).not.toBe(first);
  });

  it('keeps http(s) profile links only', () => {
    expect(webLink('https://soundcloud.com/x')).toBe('https://soundcloud.com/x');
    expect(webLink('http://beatport.com/x')).toBe('http://beatport.com/x');
    expect(webLink('javascript:alert(1)')).toBeNull();
    expect(webLink('@handle')).toBeNull();
  });
});
