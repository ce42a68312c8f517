import { expect, test, type APIRequestContext } from '@playwright/test';
import { E2E } from './support/servers';
import { signInThroughUi, signUpThroughApi, uniqueEmail } from './support/auth';

// The DJ screens' HTTP contract, end to end: console on :3100 → standalone embedded backend.

/** A same-origin JSON call, as the console's pages make it (Playwright would re-encode a string). */
function send(request: APIRequestContext, method: string, url: string, body?: unknown) {
  return request.fetch(url, {
    method,
    headers: { Origin: E2E.consoleUrl, 'Content-Type': 'application/json' },
    data: body === undefined ? undefined : Buffer.from(JSON.stringify(body)),
  });
}

/** Straight to the backend, as its admin: what is really stored, whatever the console says. */
async function backendAdmin(request: APIRequestContext) {
  const base = `${E2E.backendUrl}/api/apps/${E2E.appId}`;
  const login = await request.post(`${base}/auth/login`, { data: { email: 'admin@spynners.local', password: E2E.demoPassword } });
  expect(login.status()).toBe(200);
  const token = ((await login.json()) as { access_token: string }).access_token;
  return async (path: string) => {
    const res = await request.get(`${base}${path}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status(), path).toBe(200);
    return res.json();
  };
}

interface Track { id: string; status: string; isVip: boolean; averageRating: number | null; ratingCount: number; producerId: string | null }
interface Playlist { id: string; name: string; ownerId: string; trackIds: string[]; isPublic: boolean; createdAt: string }

test.describe('DJ console API', () => {
  let tracks: Track[] = [];

  test.beforeEach(async ({ page }) => {
    await signInThroughUi(page, E2E.demoDj, E2E.demoPassword);
    if (tracks.length === 0) tracks = ((await (await page.request.get('/api/catalogue')).json()) as { tracks: Track[] }).tracks;
  });

  test('a playlist is created, renamed, reordered and deleted', async ({ page }) => {
    const [a, b, c] = tracks;
    const created = await send(page.request, 'POST', '/api/playlists', { name: '  E2E set  ', trackIds: [a!.id, b!.id] });
    expect(created.status()).toBe(201);
    const playlist = (await created.json()) as Playlist;
    expect(playlist).toMatchObject({ name: 'E2E set', trackIds: [a!.id, b!.id], isPublic: false });
    const second = (await (await send(page.request, 'POST', '/api/playlists', { name: 'E2E newer', isPublic: true })).json()) as Playlist;

    const list = (await (await page.request.get('/api/playlists')).json()) as Playlist[];
    expect(list.map((p) => p.id)).toEqual(expect.arrayContaining([playlist.id, second.id]));
    expect(list.findIndex((p) => p.id === second.id)).toBeLessThan(list.findIndex((p) => p.id === playlist.id));
    expect(new Set(list.map((p) => p.ownerId))).toEqual(new Set([playlist.ownerId]));

    const renamed = await send(page.request, 'PATCH', `/api/playlists/${playlist.id}`, { name: 'E2E warm-up' });
    expect(renamed.status()).toBe(200);
    expect(await renamed.json()).toMatchObject({ name: 'E2E warm-up', trackIds: [a!.id, b!.id] });
    const reordered = await send(page.request, 'PATCH', `/api/playlists/${playlist.id}`, { trackIds: [c!.id, b!.id, a!.id] });
    expect(((await reordered.json()) as Playlist).trackIds).toEqual([c!.id, b!.id, a!.id]);
    const read = await page.request.get(`/api/playlists/${playlist.id}`);
    expect(await read.json()).toMatchObject({ name: 'E2E warm-up', trackIds: [c!.id, b!.id, a!.id] });

    const deleted = await send(page.request, 'DELETE', `/api/playlists/${playlist.id}`);
    expect(deleted.status()).toBe(204);
    expect(await deleted.text()).toBe('');
    const gone = await page.request.get(`/api/playlists/${playlist.id}`);
    expect(gone.status()).toBe(404);
    expect((await gone.json()).error.code).toBe('not_found');
    await send(page.request, 'DELETE', `/api/playlists/${second.id}`);
  });

  test('another DJ cannot read a private playlist nor change or delete any', async ({ page, playwright }) => {
    const mine = (await (await send(page.request, 'POST', '/api/playlists', { name: 'Private crate', trackIds: [tracks[0]!.id] })).json()) as Playlist;
    const other = await playwright.request.newContext({ baseURL: E2E.consoleUrl });
    await signUpThroughApi(other, uniqueEmail('other-dj'));

    const peek = await other.get(`/api/playlists/${mine.id}`);
    expect([403, 404]).toContain(peek.status());
    expect(JSON.stringify(await peek.json())).not.toContain('Private crate');
    const edit = await send(other, 'PATCH', `/api/playlists/${mine.id}`, { name: 'Stolen' });
    expect(edit.status()).toBe(403);
    expect((await edit.json()).error.code).toBe('forbidden');
    expect((await send(other, 'DELETE', `/api/playlists/${mine.id}`)).status()).toBe(403);
    expect(((await (await other.get('/api/playlists')).json()) as Playlist[]).map((p) => p.id)).not.toContain(mine.id);

    await send(page.request, 'PATCH', `/api/playlists/${mine.id}`, { isPublic: true });
    const shared = await other.get(`/api/playlists/${mine.id}`);
    expect(shared.status()).toBe(200);
    expect(await shared.json()).toMatchObject({ name: 'Private crate', isPublic: true });
    expect((await send(other, 'PATCH', `/api/playlists/${mine.id}`, { trackIds: [] })).status()).toBe(403);
    expect((await send(other, 'DELETE', `/api/playlists/${mine.id}`)).status()).toBe(403);

    expect(await (await page.request.get(`/api/playlists/${mine.id}`)).json()).toMatchObject({ name: 'Private crate', trackIds: [tracks[0]!.id] });
    await other.dispose();
  });

  test('bad input is a 400 invalid_input and changes nothing', async ({ page }) => {
    const playlist = (await (await send(page.request, 'POST', '/api/playlists', { name: 'Untouched' })).json()) as Playlist;
    const track = tracks[5]!;
    const ratingBefore = await (await page.request.get(`/api/tracks/${track.id}/rating`)).json();
    const listBefore = await (await page.request.get('/api/playlists')).json();

    const cases: Array<[string, string, unknown]> = [
      ['POST', '/api/playlists', { name: 'x'.repeat(81) }],
      ['POST', '/api/playlists', { name: '   ' }],
      ['POST', '/api/playlists', { name: 'Dupes', trackIds: [track.id, track.id] }],
      ['POST', '/api/playlists', { name: 'Extra', owner: 'someone-else' }],
      ['PATCH', `/api/playlists/${playlist.id}`, { name: 'y'.repeat(81) }],
      ['PATCH', `/api/playlists/${playlist.id}`, { ownerId: 'someone-else' }],
      ['PATCH', `/api/playlists/${playlist.id}`, { isPublic: 'yes' }],
      ['PUT', `/api/tracks/${track.id}/rating`, { stars: 6 }],
      ['PUT', `/api/tracks/${track.id}/rating`, { stars: 0 }],
      ['PUT', `/api/tracks/${track.id}/rating`, { stars: 3.5 }],
      ['PUT', `/api/tracks/${track.id}/rating`, { stars: 3, userId: 'someone-else' }],
    ];
    for (const [method, url, body] of cases) {
      const res = await send(page.request, method, url, body);
      expect(res.status(), `${method} ${url} ${JSON.stringify(body)}`).toBe(400);
      const error = (await res.json()).error;
      expect(error.code).toBe('invalid_input');
      expect(error.issues.length).toBeGreaterThan(0);
    }
    expect((await send(page.request, 'PUT', '/api/tracks/bad%20id/rating', { stars: 3 })).status()).toBe(400);
    expect((await send(page.request, 'PUT', '/api/tracks/no-such-track/rating', { stars: 3 })).status()).toBe(404);

    expect(await (await page.request.get('/api/playlists')).json()).toEqual(listBefore);
    expect(await (await page.request.get(`/api/playlists/${playlist.id}`)).json()).toMatchObject({ name: 'Untouched', isPublic: false, trackIds: [] });
    expect(await (await page.request.get(`/api/tracks/${track.id}/rating`)).json()).toEqual(ratingBefore);
  });

  test('a rating round trip: one vote per DJ, re-rating changes it, the track shows the average', async ({ page, playwright }) => {
    const track = tracks[2]!;
    const before = await (await page.request.get(`/api/tracks/${track.id}/rating`)).json();
    expect(before).toEqual({ myRating: null, averageRating: track.averageRating, ratingCount: track.ratingCount });

    const rated = await send(page.request, 'PUT', `/api/tracks/${track.id}/rating`, { stars: 4 });
    expect(rated.status()).toBe(200);
    const first = await rated.json();
    expect(first).toMatchObject({ myRating: 4, ratingCount: before.ratingCount + 1 });
    expect(await (await page.request.get(`/api/tracks/${track.id}/rating`)).json()).toEqual(first);

    const rerated = await (await send(page.request, 'PUT', `/api/tracks/${track.id}/rating`, { stars: 2 })).json();
    expect(rerated).toMatchObject({ myRating: 2, ratingCount: first.ratingCount });
    expect(rerated.averageRating).toBeCloseTo(first.averageRating - 2 / first.ratingCount, 6);

    const other = await playwright.request.newContext({ baseURL: E2E.consoleUrl });
    await signUpThroughApi(other, uniqueEmail('rater'));
    const theirs = await (await other.get(`/api/tracks/${track.id}/rating`)).json();
    expect(theirs).toEqual({ ...rerated, myRating: null });
    const both = await (await send(other, 'PUT', `/api/tracks/${track.id}/rating`, { stars: 5 })).json();
    expect(both).toMatchObject({ myRating: 5, ratingCount: rerated.ratingCount + 1 });
    await other.dispose();

    const detail = await (await page.request.get(`/api/tracks/${track.id}`)).json();
    expect(detail).toMatchObject({ averageRating: both.averageRating, ratingCount: both.ratingCount });
    const catalogue = (await (await page.request.get('/api/catalogue')).json()) as { tracks: Track[] };
    expect(catalogue.tracks.find((t) => t.id === track.id)).toMatchObject({ averageRating: both.averageRating, ratingCount: both.ratingCount });
  });

  test('/api/catalogue returns every approved track and no pending one, with an ETag', async ({ page }) => {
    const res = await page.request.get('/api/catalogue');
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { tracks: Track[]; generatedAt: string };
    expect(Object.keys(body).sort()).toEqual(['generatedAt', 'tracks']);
    expect(Date.parse(body.generatedAt)).not.toBeNaN();

    const admin = await backendAdmin(page.request);
    const q = (filter: object) => encodeURIComponent(JSON.stringify(filter));
    const approved = (await admin(`/entities/Track?q=${q({ status: 'approved' })}&limit=5000&fields=id`)) as { id: string }[];
    const pending = (await admin(`/entities/Track?q=${q({ status: 'pending' })}&limit=5000&fields=id`)) as { id: string }[];
    expect(pending.length).toBeGreaterThan(0);
    expect(body.tracks.map((t) => t.id).sort()).toEqual(approved.map((t) => t.id).sort());
    expect(body.tracks.every((t) => t.status === 'approved')).toBe(true);
    const ids = new Set(body.tracks.map((t) => t.id));
    expect(pending.some((t) => ids.has(t.id))).toBe(false);

    const etag = res.headers()['etag'];
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await page.request.get('/api/catalogue', { headers: { 'If-None-Match': etag! } });
    expect(again.status()).toBe(304);
    expect(again.headers()['etag']).toBe(etag);
  });

  test('/api/vip has the VIP tracks, the DJ\'s unlocks and balance', async ({ page }) => {
    const res = await page.request.get('/api/vip');
    expect(res.status()).toBe(200);
    const vip = (await res.json()) as { tracks: Track[]; unlockedTrackIds: string[]; blackDiamonds: number };
    expect(Object.keys(vip).sort()).toEqual(['blackDiamonds', 'tracks', 'unlockedTrackIds']);
    expect(vip.tracks.length).toBeGreaterThan(0);
    expect(vip.tracks.every((t) => t.isVip && t.status === 'approved')).toBe(true);
    expect(vip.tracks.map((t) => t.id).sort()).toEqual(tracks.filter((t) => t.isVip).map((t) => t.id).sort());
    expect(vip.unlockedTrackIds.length).toBeGreaterThan(0); // the demo DJ's seeded unlock
    expect(vip.unlockedTrackIds.every((id) => typeof id === 'string')).toBe(true);
    expect(Number.isInteger(vip.blackDiamonds) && vip.blackDiamonds >= 0).toBe(true);
    expect(vip.blackDiamonds).toBe(((await (await page.request.get('/api/me')).json()) as { blackDiamonds: number }).blackDiamonds);
  });

  test('a producer\'s public profile and avatar, without email or balance', async ({ page }) => {
    const producerId = tracks.find((t) => t.producerId)!.producerId!;
    const res = await page.request.get(`/api/users/${producerId}`);
    expect(res.status()).toBe(200);
    const profile = await res.json();
    expect(Object.keys(profile).sort()).toEqual(['artistName', 'avatarUrl', 'bio', 'fullName', 'id', 'links', 'nationality', 'userType']);
    expect(JSON.stringify(profile)).not.toMatch(/@spynners\.local|blackDiamonds|email/);
    expect(profile.avatarUrl).toMatch(new RegExp(`^/api/users/${producerId}/avatar\\?v=[0-9a-z]+$`));
    const avatar = await page.request.get(profile.avatarUrl);
    expect(avatar.status()).toBe(200);
    expect(avatar.headers()['content-type']).toBe('image/jpeg');
    expect(avatar.headers()['content-security-policy']).toContain('sandbox');
    expect((await page.request.get('/api/users/no-such-member')).status()).toBe(404);
  });
  test('a small JSON answer is sent as it is, a page of tracks gzipped (Next compresses what is worth it)', async ({ page, playwright }) => {
    const headers = { 'Accept-Encoding': 'gzip, deflate, br' };
    const empty = await page.request.get('/api/tracks?search=zzz-no-such-track-zzz&pageSize=50', { headers });
    expect(empty.status()).toBe(200);
    expect(empty.headers()['content-encoding']).toBeUndefined();
    expect(empty.headers()['cache-control']).toBe('private, no-store, no-transform');
    expect(await empty.json()).toMatchObject({ items: [], total: 0 });

    const full = await page.request.get('/api/tracks?pageSize=50', { headers });
    expect(full.headers()['content-encoding']).toBe('gzip');
    expect(((await full.json()) as { items: unknown[] }).items.length).toBeGreaterThan(10);

    const anonymous = await playwright.request.newContext({ baseURL: E2E.consoleUrl });
    const refused = await anonymous.get('/api/tracks', { headers });
    expect(refused.status()).toBe(401);
    expect(refused.headers()['content-encoding']).toBeUndefined();
    expect((await refused.json()).error.code).toBe('unauthenticated');
    await anonymous.dispose();
  });
});
