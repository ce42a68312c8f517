import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Base44Error } from '@/lib/base44/errors';
import { DEMO_PASSWORD } from '@/lib/embedded-base44';
import { backendCall, createMembers, startEmbedded } from './support/embedded';

// The admin verbs against the embedded backend: the queue, decisions that happen once and tell the
// producer, atomic grants, the member list, and producers' statistics kept to their owners.

let env!: Awaited<ReturnType<typeof startEmbedded>>;
const who = { admin: { id: '', token: '' }, moderator: { id: '', token: '' }, producer: { id: '', token: '' }, producer2: { id: '', token: '' }, dj: { id: '', token: '' } };

beforeAll(async () => {
  env = await startEmbedded();
  const emails = { admin: 'admin@spynners.local', moderator: 'moderator@spynners.local', producer: 'producer@spynners.local', producer2: 'producer2@spynners.local', dj: 'dj@spynners.local' };
  for (const [key, email] of Object.entries(emails)) {
    const session = await env.base44.login(email, DEMO_PASSWORD);
    who[key as keyof typeof who] = { id: session.user.id, token: session.accessToken };
  }
});
afterAll(() => env.close());

async function pendingTrack(fields: Record<string, unknown> = {}): Promise<string> {
  const created = await backendCall(env.backend, 'POST', '/entities/Track', who.producer.token, { title: 'For review', duration: 120, ...fields });
  expect(created.status).toBe(201);
  expect(created.json.status).toBe('pending');
  return created.json.id;
}

const notesOf = async (userId: string, trackId?: string) =>
  ((await backendCall(env.backend, 'GET', `/entities/Notification?q=${encodeURIComponent(JSON.stringify({ user_id: userId, ...(trackId ? { track_id: trackId } : {}) }))}`, who.admin.token)).json as Record<string, unknown>[]);

const codeOf = (promise: Promise<unknown>) => promise.then(() => 'resolved', (e: unknown) => (e instanceof Base44Error ? e.code : String(e)));

describe('review queue', () => {
  it('lists every pending track oldest first, for admins and read-only admins', async () => {
    const id = await pendingTrack();
    const queue = await env.base44.listReviewQueue(who.admin.token);
    expect(queue.length).toBeGreaterThan(1);
    expect(queue.every((t) => t.status === 'pending')).toBe(true);
    expect(queue.at(-1)!.id).toBe(id);
    expect((await env.base44.listReviewQueue(who.moderator.token)).map((t) => t.id)).toEqual(queue.map((t) => t.id));
  });

  it('approves once, clears an old reason, tells the producer, and the catalogue shows it', async () => {
    const id = await pendingTrack({ title: 'Approve me' });
    const before = await env.base44.listCatalogue(who.dj.token);
    expect(before.tracks.some((t) => t.id === id)).toBe(false);
    const result = await env.base44.approveTrack(who.admin.token, { id: who.admin.id }, id);
    expect(result).toMatchObject({ notified: true, track: { id, status: 'approved', rejectionReason: null } });
    expect((await env.base44.listCatalogue(who.dj.token)).tracks.some((t) => t.id === id)).toBe(true);
    const notes = await notesOf(who.producer.id, id);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ type: 'system', title: 'Track approved', sender_id: who.admin.id, read: false });

    // A second decision (another admin, a double click) changes nothing and tells no one twice.
    expect(await codeOf(env.base44.approveTrack(who.admin.token, { id: who.admin.id }, id))).toBe('conflict');
    expect(await codeOf(env.base44.rejectTrack(who.admin.token, { id: who.admin.id }, id, 'Too late'))).toBe('conflict');
    expect(await notesOf(who.producer.id, id)).toHaveLength(1);
  });

  it('rejects with the reason stored, the time, and the reason in the producer’s notification', async () => {
    const id = await pendingTrack({ title: 'Reject me' });
    const result = await env.base44.rejectTrack(who.admin.token, { id: who.admin.id }, id, 'The master clips in the drop');
    expect(result.track).toMatchObject({ status: 'rejected', rejectionReason: 'The master clips in the drop' });
    const stored = (await backendCall(env.backend, 'GET', `/entities/Track/${id}`, who.admin.token)).json;
    expect(Date.now() - Date.parse(stored.rejected_at)).toBeLessThan(60_000);
    const [note] = await notesOf(who.producer.id, id);
    expect(note).toMatchObject({ title: 'Track not approved' });
    expect(String(note!.message)).toContain('The master clips in the drop');
  });

  it('refuses a read-only admin, a producer and a DJ, and nothing changes', async () => {
    const id = await pendingTrack();
    for (const caller of [who.moderator, who.producer, who.dj]) {
      expect(await codeOf(env.base44.approveTrack(caller.token, { id: caller.id }, id))).toBe('forbidden');
      expect(await codeOf(env.base44.rejectTrack(caller.token, { id: caller.id }, id, 'nope nope'))).toBe('forbidden');
    }
    expect((await backendCall(env.backend, 'GET', `/entities/Track/${id}`, who.admin.token)).json.status).toBe('pending');
    expect(await notesOf(who.producer.id, id)).toHaveLength(0);
  });

  it('sets VIP and a preview window after checking it against the stored track', async () => {
    const id = await pendingTrack({ duration: 90 });
    let seen = -1;
    const track = await env.base44.setTrackVip(who.admin.token, id, { isVip: true, preview: { startSeconds: 10, endSeconds: 40 } }, (t) => {
      seen = t.durationSeconds ?? -1;
    });
    expect(seen).toBe(90);
    expect(track).toMatchObject({ isVip: true, vipPreview: { startSeconds: 10, endSeconds: 40 } });
    const refused = env.base44.setTrackVip(who.admin.token, id, { isVip: false, preview: null }, () => {
      throw new Error('invalid');
    });
    await expect(refused).rejects.toThrow('invalid');
    expect((await backendCall(env.backend, 'GET', `/entities/Track/${id}`, who.admin.token)).json.is_vip).toBe(true);
    expect(await codeOf(env.base44.setTrackVip(who.moderator.token, id, { isVip: false, preview: null }, () => undefined))).toBe('forbidden');
    const cleared = await env.base44.setTrackVip(who.admin.token, id, { isVip: false, preview: null }, () => undefined);
    expect(cleared).toMatchObject({ isVip: false, vipPreview: null });
  });
});

describe('members', () => {
  it('grants diamonds atomically: concurrent grants all count, and the member is told each time', async () => {
    const [member] = await createMembers(env.backend, who.admin.token, 1, 'grant');
    const results = await Promise.all(Array.from({ length: 10 }, () => env.base44.grantDiamonds(who.admin.token, who.admin.id, member!.id, 7)));
    expect(results.every((r) => r.notified && r.amount === 7)).toBe(true);
    expect(Math.max(...results.map((r) => r.blackDiamonds))).toBe(70);
    expect((await backendCall(env.backend, 'GET', `/entities/User/${member!.id}`, who.admin.token)).json.black_diamonds).toBe(70);
    expect(await notesOf(member!.id)).toHaveLength(10);
  });

  it('refuses grants from anyone but an admin, and to no one', async () => {
    const before = (await backendCall(env.backend, 'GET', `/entities/User/${who.dj.id}`, who.admin.token)).json.black_diamonds;
    for (const caller of [who.moderator, who.dj, who.producer]) {
      expect(await codeOf(env.base44.grantDiamonds(caller.token, caller.id, who.dj.id, 5))).toBe('forbidden');
    }
    expect(await codeOf(env.base44.grantDiamonds(who.admin.token, who.admin.id, 'no-such-user', 5))).toBe('not_found');
    expect((await backendCall(env.backend, 'GET', `/entities/User/${who.dj.id}`, who.admin.token)).json.black_diamonds).toBe(before);
  });

  it('lists members with search and role filters, paged', async () => {
    const all = await env.base44.listUsers(who.admin.token, { page: 1 });
    expect(all.total).toBeGreaterThanOrEqual(7);
    expect(all.items.find((u) => u.email === 'dj@spynners.local')).toMatchObject({ role: 'user', userType: 'dj' });
    const admins = await env.base44.listUsers(who.moderator.token, { page: 1, role: 'admin' });
    expect(admins.items.map((u) => u.email)).toEqual(['admin@spynners.local']);
    const search = await env.base44.listUsers(who.admin.token, { page: 1, search: 'kaya' });
    expect(search.items.map((u) => u.email)).toEqual(['producer@spynners.local']);
    expect((await env.base44.listUsers(who.admin.token, { page: 1, search: '.*' })).total).toBe(0);
  });
});

describe('producer statistics', () => {
  it('shows a producer their track’s plays, newest first, and refuses anyone else but admins', async () => {
    const summary = await env.base44.getProducerStats(who.producer.token, { userId: who.producer.id, seesEverything: false }, who.producer.id);
    const played = summary.tracks.find((row) => row.plays > 0)!;
    expect(played).toBeDefined();
    const stats = await env.base44.getTrackStats(who.producer.token, { userId: who.producer.id, seesEverything: false }, played.id);
    expect(stats.plays).toBe(played.plays);
    expect(stats.history.map((p) => p.playedAt)).toEqual([...stats.history.map((p) => p.playedAt)].sort().reverse());
    expect(stats.history[0]).toMatchObject({ djName: 'DJ Nova' });
    expect(stats.weekly.reduce((sum, w) => sum + w.plays, 0)).toBe(stats.plays);

    const asAdmin = await env.base44.getTrackStats(who.admin.token, { userId: who.admin.id, seesEverything: true }, played.id);
    expect(asAdmin.plays).toBe(stats.plays);
    expect(await codeOf(env.base44.getTrackStats(who.producer2.token, { userId: who.producer2.id, seesEverything: false }, played.id))).toBe('forbidden');
    expect(await codeOf(env.base44.getTrackStats(who.dj.token, { userId: who.dj.id, seesEverything: false }, played.id))).toBe('forbidden');
    expect(await codeOf(env.base44.getProducerStats(who.producer2.token, { userId: who.producer2.id, seesEverything: false }, who.producer.id))).toBe('forbidden');
    const seenByAdmin = await env.base44.getProducerStats(who.admin.token, { userId: who.admin.id, seesEverything: true }, who.producer.id);
    expect(seenByAdmin.totals).toEqual(summary.totals);
  });

  it('leaves out plays the DJ earned no credit for (their own track), in the track’s and the producer’s numbers (issue #16)', async () => {
    const viewer = { userId: who.producer.id, seesEverything: false };
    const created = await backendCall(env.backend, 'POST', '/entities/Track', who.admin.token, { title: 'Self played', producer_id: who.producer.id, status: 'approved' });
    const id = created.json.id as string;
    const before = await env.base44.getProducerStats(who.producer.token, viewer, who.producer.id);
    const start = Date.parse('2026-06-01T22:00:00.000Z');
    const play = (minutes: number) => ({ track_id: id, played_at: new Date(start + minutes * 60_000).toISOString() });
    const set = (from: number, plays: Array<{ track_id: string; played_at: string }>) => ({
      idempotency_key: `stats-${Math.random().toString(36).slice(2)}`, venue: 'Mirror Club', city: 'Lyon', country: 'France',
      started_at: new Date(start + from * 60_000).toISOString(), ended_at: new Date(start + (from + 60) * 60_000).toISOString(), tracks: plays,
    });
    // The producer plays it in their own set (stored, uncredited); a DJ plays it once (credited).
    expect((await backendCall(env.backend, 'POST', '/functions/recordSession', who.producer.token, set(0, [play(10), play(20)]))).status).toBe(200);
    expect((await backendCall(env.backend, 'POST', '/functions/recordSession', who.dj.token, set(24 * 60 * 30, [{ ...play(24 * 60 * 30 + 5) }]))).status).toBe(200);
    const stats = await env.base44.getTrackStats(who.producer.token, viewer, id);
    expect(stats.plays).toBe(1);
    expect(stats.history.map((p) => p.djName)).toEqual(['DJ Nova']);
    const after = await env.base44.getProducerStats(who.producer.token, viewer, who.producer.id);
    expect(after.totals.plays).toBe(before.totals.plays + 1);
    expect(after.tracks.find((row) => row.id === id)?.plays).toBe(1);
  });
});
