import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Base44Error } from '@/lib/base44/errors';
import { backendCall, startEmbeddedWithDemoMembers, type SignedInMember } from './support/embedded';

// Playlist verbs against the real embedded backend: CRUD for the owner, and ownership enforced by
// the verbs (forbidden before any write is sent) and, underneath, by the backend's own rules.

let env!: Awaited<ReturnType<typeof startEmbeddedWithDemoMembers>>;
let dj!: SignedInMember;
let producer!: SignedInMember;
let admin = '';
let approved: string[] = [];

beforeAll(async () => {
  env = await startEmbeddedWithDemoMembers();
  ({ dj, producer } = env);
  admin = env.admin.token;
  approved = (await env.base44.listCatalogue(dj.token)).tracks.map((t) => t.id);
});
afterAll(() => env.close());

const codeOf = (promise: Promise<unknown>) => promise.then(() => 'resolved', (e: unknown) => (e instanceof Base44Error ? e.code : String(e)));

describe('a member\'s own playlists', () => {
  it('creates, lists newest first, reads, renames, reorders and deletes', async () => {
    const { base44 } = env;
    const [a, b, c] = approved;
    const first = await base44.createPlaylist(dj.token, dj.id, { name: 'Warm-up', trackIds: [a!, b!] });
    expect(first).toMatchObject({ name: 'Warm-up', ownerId: dj.id, trackIds: [a, b], isPublic: false });
    const second = await base44.createPlaylist(dj.token, dj.id, { name: 'Closing', isPublic: true });
    expect(second).toMatchObject({ trackIds: [], isPublic: true });

    const mine = await base44.listMyPlaylists(dj.token, dj.id);
    expect(mine.every((p) => p.ownerId === dj.id)).toBe(true);
    const ids = mine.map((p) => p.id);
    expect(ids.indexOf(second.id)).toBeLessThan(ids.indexOf(first.id));
    expect(mine.map((p) => p.createdAt)).toEqual([...mine.map((p) => p.createdAt)].sort().reverse());
    // The demo producer's public playlist is readable but not theirs to list here.
    expect((await base44.listMyPlaylists(producer.token, producer.id)).every((p) => p.ownerId === producer.id)).toBe(true);

    const renamed = await base44.updatePlaylist(dj.token, dj.id, first.id, { name: 'Warm-up (old)' });
    expect(renamed).toMatchObject({ name: 'Warm-up (old)', trackIds: [a, b] });
    const reordered = await base44.updatePlaylist(dj.token, dj.id, first.id, { trackIds: [c!, b!, a!] });
    expect(reordered.trackIds).toEqual([c, b, a]);
    const removed = await base44.updatePlaylist(dj.token, dj.id, first.id, { trackIds: [b!] });
    expect(removed.trackIds).toEqual([b]);
    await expect(base44.getPlaylist(dj.token, dj.id, first.id)).resolves.toMatchObject({ name: 'Warm-up (old)', trackIds: [b] });
    await expect(base44.updatePlaylist(dj.token, dj.id, first.id, {})).resolves.toMatchObject({ trackIds: [b] });

    await base44.deletePlaylist(dj.token, dj.id, first.id);
    expect(await codeOf(base44.getPlaylist(dj.token, dj.id, first.id))).toBe('not_found');
    expect(await codeOf(base44.deletePlaylist(dj.token, dj.id, first.id))).toBe('not_found');
    expect((await base44.listMyPlaylists(dj.token, dj.id)).map((p) => p.id)).not.toContain(first.id);
  });

  it('keeps a legacy `tracks` list in step, so an emptied playlist stays empty', async () => {
    const { base44 } = env;
    const [a, b] = approved;
    const legacy = await backendCall(env.backend, 'POST', '/entities/Playlist', admin, { name: 'Old', user_id: dj.id, tracks: [a, b] });
    expect(legacy.status).toBe(201);
    expect((await base44.getPlaylist(dj.token, dj.id, legacy.json.id)).trackIds).toEqual([a, b]);
    const emptied = await base44.updatePlaylist(dj.token, dj.id, legacy.json.id, { trackIds: [] });
    expect(emptied.trackIds).toEqual([]);
    const stored = await backendCall(env.backend, 'GET', `/entities/Playlist/${legacy.json.id}`, admin);
    expect(stored.json).toMatchObject({ track_ids: [], tracks: [] });
  });
});

describe('someone else\'s playlist', () => {
  it('is refused while private, readable once public, and never changed by another member', async () => {
    const { base44 } = env;
    const playlist = await base44.createPlaylist(dj.token, dj.id, { name: 'Secret set', trackIds: [approved[0]!] });

    expect(await codeOf(base44.getPlaylist(producer.token, producer.id, playlist.id))).toBe('forbidden');
    expect(await codeOf(base44.updatePlaylist(producer.token, producer.id, playlist.id, { name: 'Mine now' }))).toBe('forbidden');
    expect(await codeOf(base44.deletePlaylist(producer.token, producer.id, playlist.id))).toBe('forbidden');

    await base44.updatePlaylist(dj.token, dj.id, playlist.id, { isPublic: true });
    await expect(base44.getPlaylist(producer.token, producer.id, playlist.id)).resolves.toMatchObject({ name: 'Secret set', isPublic: true });
    env.backend.resetStats();
    expect(await codeOf(base44.updatePlaylist(producer.token, producer.id, playlist.id, { trackIds: [] }))).toBe('forbidden');
    expect(await codeOf(base44.deletePlaylist(producer.token, producer.id, playlist.id))).toBe('forbidden');
    // Refused by the verbs before any write went upstream...
    expect(env.calls('GET /entities/Playlist/:id')).toBe(2);
    expect(env.calls('PUT /entities/Playlist/:id') + env.calls('DELETE /entities/Playlist/:id')).toBe(0);
    // ...and by the backend's rules when the verbs are bypassed.
    expect((await backendCall(env.backend, 'PUT', `/entities/Playlist/${playlist.id}`, producer.token, { name: 'x' })).status).toBe(403);
    expect((await backendCall(env.backend, 'PUT', `/entities/Playlist/${playlist.id}`, producer.token, { user_id: producer.id })).status).toBe(403);
    expect((await backendCall(env.backend, 'DELETE', `/entities/Playlist/${playlist.id}`, producer.token)).status).toBe(403);
    await base44.updatePlaylist(dj.token, dj.id, playlist.id, { isPublic: false });
    expect((await backendCall(env.backend, 'GET', `/entities/Playlist/${playlist.id}`, producer.token)).status).toBe(403);

    await expect(base44.getPlaylist(dj.token, dj.id, playlist.id)).resolves.toMatchObject({ name: 'Secret set', trackIds: [approved[0]] });
  });

  it('cannot be created in another member\'s name', async () => {
    const forged = await backendCall(env.backend, 'POST', '/entities/Playlist', producer.token, { name: 'Planted', user_id: dj.id });
    expect(forged.status).toBe(403);
    // The verb always writes the caller as the owner.
    const own = await env.base44.createPlaylist(producer.token, producer.id, { name: 'Mine' });
    expect(own.ownerId).toBe(producer.id);
  });
});
