import { expect, test, type APIRequestContext } from '@playwright/test';
import { E2E } from './support/servers';
import { signInThroughApi, signUpThroughApi, uniqueEmail } from './support/auth';
import { backendAs, pendingTracksForReview, q, uniqueTitle } from './support/backend';

// The admin routes' contract through the console (:3100 → standalone backend): only admins act,
// read-only admins only read, and a refused call changes nothing.

function send(request: APIRequestContext, method: string, url: string, body?: unknown) {
  return request.fetch(url, {
    method,
    headers: { Origin: E2E.consoleUrl, 'Content-Type': 'application/json' },
    data: body === undefined ? undefined : Buffer.from(JSON.stringify(body)),
  });
}

async function signedIn(playwright: { request: { newContext(o: { baseURL: string }): Promise<APIRequestContext> } }, who: 'dj' | 'producer' | 'producer2' | 'moderator' | 'admin') {
  const request = await playwright.request.newContext({ baseURL: E2E.consoleUrl });
  if (who === 'dj') await signUpThroughApi(request, uniqueEmail('admin-api-dj'));
  else await signInThroughApi(request, `${who}@spynners.local`, E2E.demoPassword);
  return request;
}

test.describe('admin routes', () => {
  test('a DJ, a producer and a read-only admin get 403 on every admin action, and nothing changes', async ({ playwright, request }) => {
    const { ids: [trackId], producerId } = await pendingTracksForReview(request, [uniqueTitle('Guard')]);
    const admin = await backendAs(request, 'admin@spynners.local');
    const dj = await backendAs(request, 'dj@spynners.local');
    const balanceBefore = (await admin.get<{ black_diamonds: number }>(`/entities/User/${dj.userId}`)).black_diamonds;

    const mutations: [string, string, unknown][] = [
      ['POST', `/api/admin/tracks/${trackId}/approve`, {}],
      ['POST', `/api/admin/tracks/${trackId}/reject`, { reason: 'Not on my watch' }],
      ['PATCH', `/api/admin/tracks/${trackId}/vip`, { isVip: true, preview: { startSeconds: 0, endSeconds: 10 } }],
      ['POST', `/api/admin/users/${dj.userId}/diamonds`, { amount: 50 }],
    ];
    const reads = ['/api/admin/review', '/api/admin/users', '/api/admin/users?role=admin&search=spynners'];

    for (const who of ['dj', 'producer', 'moderator'] as const) {
      const caller = await signedIn(playwright, who);
      for (const [method, url, body] of mutations) {
        const res = await send(caller, method, url, body);
        expect(res.status(), `${who} ${method} ${url}`).toBe(403);
        expect((await res.json()).error.code).toBe('forbidden');
        // Even a malformed body is refused for the role first: no hint of what would pass.
        expect((await send(caller, method, url, { nonsense: true })).status()).toBe(403);
      }
      for (const url of reads) {
        const res = await caller.get(url);
        expect(res.status(), `${who} GET ${url}`).toBe(who === 'moderator' ? 200 : 403);
      }
      await caller.dispose();
    }

    const track = await admin.get(`/entities/Track/${trackId}`);
    expect(track).toMatchObject({ status: 'pending' });
    expect(track.is_vip ?? false).toBe(false);
    expect(track).not.toHaveProperty('rejection_reason');
    expect((await admin.get<{ black_diamonds: number }>(`/entities/User/${dj.userId}`)).black_diamonds).toBe(balanceBefore);
    expect(await admin.get<unknown[]>(`/entities/Notification?q=${q({ user_id: producerId, track_id: trackId })}`)).toEqual([]);
  });

  test('a read-only admin sees the queue and the members', async ({ playwright, request }) => {
    const { ids: [trackId] } = await pendingTracksForReview(request, [uniqueTitle('Seen')]);
    const moderator = await signedIn(playwright, 'moderator');
    const queue = (await (await moderator.get('/api/admin/review')).json()) as { tracks: { id: string; status: string }[] };
    expect(queue.tracks.map((t) => t.id)).toContain(trackId);
    expect(queue.tracks.every((t) => t.status === 'pending')).toBe(true);
    const admins = (await (await moderator.get('/api/admin/users?role=admin')).json()) as { items: { email: string }[] };
    expect(admins.items.map((u) => u.email)).toEqual(['admin@spynners.local']);
  });

  test('an admin approves once, rejects with a reason, sets a valid preview window and grants diamonds', async ({ playwright, request }) => {
    const { ids: [approveId, rejectId], duration, producerId } = await pendingTracksForReview(request, [uniqueTitle('Yes'), uniqueTitle('No')]);
    const admin = await signedIn(playwright, 'admin');
    const store = await backendAs(request, 'admin@spynners.local');

    const approved = await send(admin, 'POST', `/api/admin/tracks/${approveId}/approve`, {});
    expect(approved.status()).toBe(200);
    expect(await approved.json()).toMatchObject({ notified: true, track: { id: approveId, status: 'approved' } });
    const again = await send(admin, 'POST', `/api/admin/tracks/${approveId}/approve`, {});
    expect(again.status()).toBe(409);

    const noReason = await send(admin, 'POST', `/api/admin/tracks/${rejectId}/reject`, { reason: '  ' });
    expect(noReason.status()).toBe(400);
    expect((await noReason.json()).error.issues[0].path).toBe('reason');
    expect((await store.get(`/entities/Track/${rejectId}`)).status).toBe('pending');
    const rejected = await send(admin, 'POST', `/api/admin/tracks/${rejectId}/reject`, { reason: 'Vocals clip at 1:12' });
    expect(rejected.status()).toBe(200);
    expect(await store.get(`/entities/Track/${rejectId}`)).toMatchObject({ status: 'rejected', rejection_reason: 'Vocals clip at 1:12' });
    const notes = await store.get<{ title: string; message: string; track_id: string }[]>(`/entities/Notification?q=${q({ user_id: producerId, track_id: { $in: [approveId, rejectId] } })}`);
    expect(notes.map((n) => n.title).sort()).toEqual(['Track approved', 'Track not approved']);
    expect(notes.find((n) => n.track_id === rejectId)!.message).toContain('Vocals clip at 1:12');

    const tooLong = await send(admin, 'PATCH', `/api/admin/tracks/${approveId}/vip`, { isVip: true, preview: { startSeconds: 5, endSeconds: Math.ceil(duration) + 1 } });
    expect(tooLong.status()).toBe(400);
    expect((await tooLong.json()).error.issues[0].path).toBe('preview.endSeconds');
    const backwards = await send(admin, 'PATCH', `/api/admin/tracks/${approveId}/vip`, { isVip: true, preview: { startSeconds: 20, endSeconds: 10 } });
    expect(backwards.status()).toBe(400);
    expect((await store.get(`/entities/Track/${approveId}`)).is_vip ?? false).toBe(false);
    const vip = await send(admin, 'PATCH', `/api/admin/tracks/${approveId}/vip`, { isVip: true, preview: { startSeconds: 5, endSeconds: 20 } });
    expect(vip.status()).toBe(200);
    expect(await vip.json()).toMatchObject({ isVip: true, vipPreview: { startSeconds: 5, endSeconds: 20 } });

    const member = await backendAs(request, 'producer3@spynners.local');
    const before = (await store.get<{ black_diamonds: number }>(`/entities/User/${member.userId}`)).black_diamonds ?? 0;
    for (const amount of [0, 1001, 2.5, '3']) {
      expect((await send(admin, 'POST', `/api/admin/users/${member.userId}/diamonds`, { amount })).status(), `amount ${amount}`).toBe(400);
    }
    const granted = await send(admin, 'POST', `/api/admin/users/${member.userId}/diamonds`, { amount: 3 });
    expect(granted.status()).toBe(200);
    expect(await granted.json()).toMatchObject({ amount: 3, blackDiamonds: before + 3, notified: true });
    expect((await store.get<{ black_diamonds: number }>(`/entities/User/${member.userId}`)).black_diamonds).toBe(before + 3);
    expect((await send(admin, 'POST', '/api/admin/users/no-such-member/diamonds', { amount: 3 })).status()).toBe(404);
  });
});

test.describe('producer statistics', () => {
  test('a producer reads their own track statistics; another producer and a DJ get 403; admins read any', async ({ playwright }) => {
    const producer = await signedIn(playwright, 'producer');
    const summary = (await (await producer.get('/api/stats')).json()) as { producerId: string; totals: { plays: number }; tracks: { id: string; plays: number }[] };
    expect(summary.totals.plays).toBeGreaterThan(0);
    const played = summary.tracks.find((t) => t.plays > 0)!;
    const own = await producer.get(`/api/stats/tracks/${played.id}`);
    expect(own.status()).toBe(200);
    const stats = (await own.json()) as { plays: number; history: { playedAt: string; venue: string; djName: string }[]; weekly: { plays: number }[] };
    expect(stats.plays).toBe(played.plays);
    expect(stats.history.map((p) => p.playedAt)).toEqual([...stats.history.map((p) => p.playedAt)].sort().reverse());
    expect(stats.weekly.reduce((sum, w) => sum + w.plays, 0)).toBe(stats.plays);

    for (const who of ['producer2', 'dj'] as const) {
      const other = await signedIn(playwright, who);
      const track = await other.get(`/api/stats/tracks/${played.id}`);
      expect(track.status(), who).toBe(403);
      expect(JSON.stringify(await track.json())).not.toContain('venue');
      expect((await other.get(`/api/stats?producerId=${summary.producerId}`)).status(), who).toBe(403);
      await other.dispose();
    }
    for (const who of ['admin', 'moderator'] as const) {
      const staff = await signedIn(playwright, who);
      expect(((await (await staff.get(`/api/stats/tracks/${played.id}`)).json()) as { plays: number }).plays).toBe(stats.plays);
      expect(((await (await staff.get(`/api/stats?producerId=${summary.producerId}`)).json()) as { totals: unknown }).totals).toEqual(summary.totals);
      await staff.dispose();
    }
  });
});
