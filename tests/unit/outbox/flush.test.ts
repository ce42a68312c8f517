import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ConsoleDatabase } from '@/lib/offline/db';
import { createFlusher, type FlushDeps } from '@/lib/offline/outbox/flush';
import { OUTBOX_KINDS } from '@/lib/offline/outbox/registry';
import { discardEntry, retryEntry } from '@/lib/offline/outbox/store';
import { recordOnAirPlay } from '@/lib/sessions/on-air-log';
import { endSet, startSet } from '@/lib/sessions/sets';

// The flusher against a scripted server: peek → send → delete only after the server applied it.

let db: ConsoleDatabase;
let n = 0;
afterEach(() => db?.close());

type Script = (request: { key: string; body: unknown }) => Response | 'network-error' | Promise<Response>;
const ok = (id = 'remote-1', alreadyRecorded = false) =>
  new Response(JSON.stringify({ set: { id, tracksCount: 1 }, tracks: [], skippedTrackIds: [], blackDiamondsAwarded: 1, alreadyRecorded }), {
    status: alreadyRecorded ? 200 : 201,
    headers: { 'content-type': 'application/json' },
  });
const fail = (status: number, message = 'nope', extra: Record<string, unknown> = {}) =>
  new Response(JSON.stringify({ error: { code: 'x', message, ...extra } }), { status, headers: { 'content-type': 'application/json' } });

function setup(script: Script, overrides: Partial<FlushDeps> = {}) {
  db = new ConsoleDatabase(`outbox-${process.pid}-${++n}`);
  const sent: Array<{ key: string; body: unknown; headers: Headers }> = [];
  let clock = 1_000_000;
  const flusher = createFlusher({
    db,
    kinds: OUTBOX_KINDS,
    locks: null,
    now: () => clock,
    random: () => 0.5,
    fetch: async (_url, init) => {
      const headers = new Headers(init.headers);
      const request = { key: headers.get('idempotency-key') ?? '', body: JSON.parse(String(init.body)), headers };
      sent.push(request);
      const answer = await script(request);
      if (answer === 'network-error') throw new TypeError('Failed to fetch');
      return answer;
    },
    ...overrides,
  });
  return { flusher, sent, tick: (ms: number) => (clock += ms), now: () => clock };
}

async function endedSet(userId = 'dj-1', at = 1_000_000): Promise<{ setId: string; outboxId: string }> {
  const set = await startSet(db, userId, { venue: 'Club Orbit', city: 'Lyon', country: 'France' }, at - 120_000);
  await recordOnAirPlay({ id: `p-${set.id}`, userId, trackId: 'track-1', title: 'One', artist: 'Kaya', producerId: 'prod-1', source: 'A', startedAt: at - 100_000, audibleMs: 40_000 }, db);
  const outboxId = await endSet(db, set.id, at - 1000);
  return { setId: set.id, outboxId };
}

describe('outbox flush', () => {
  it('sends the set with its id as Idempotency-Key, deletes the entry and marks the set synced on 201', async () => {
    const { flusher, sent } = setup(() => ok('remote-9'));
    const { setId, outboxId } = await endedSet();
    const report = await flusher.flush({ userId: 'dj-1' });
    expect(report).toMatchObject({ delivered: 1, remaining: 0 });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.key).toBe(outboxId);
    expect(sent[0]!.headers.get('content-type')).toBe('application/json');
    expect(sent[0]!.body).toMatchObject({ djId: 'dj-1', venue: 'Club Orbit', tracks: [{ trackId: 'track-1' }] });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.djSets.get(setId)).toMatchObject({ status: 'synced', result: { remoteId: 'remote-9', blackDiamondsAwarded: 1 } });
  });

  it('"already applied" (200, alreadyRecorded) counts as delivered', async () => {
    const { flusher } = setup(() => ok('remote-1', true));
    await endedSet();
    expect((await flusher.flush({ userId: 'dj-1' })).delivered).toBe(1);
    expect(await db.outbox.count()).toBe(0);
  });

  it('5xx: kept, retried after a backoff with jitter, then delivered with the same key', async () => {
    const answers = [fail(503), fail(500), ok()];
    const { flusher, sent, tick } = setup(() => answers.shift()!);
    const { outboxId } = await endedSet();
    expect(await flusher.flush({ userId: 'dj-1' })).toMatchObject({ retried: 1, remaining: 1, nextAttemptAt: 1_000_000 + 500 });
    expect(await db.outbox.get(outboxId)).toMatchObject({ state: 'pending', attempts: 1, lastStatus: 503, lastError: 'nope' });
    // Not due yet: the timer leaves it alone.
    expect((await flusher.flush({ userId: 'dj-1' })).retried).toBe(0);
    tick(500);
    expect(await flusher.flush({ userId: 'dj-1' })).toMatchObject({ retried: 1, nextAttemptAt: 1_000_500 + 1000 });
    tick(1000);
    expect((await flusher.flush({ userId: 'dj-1' })).delivered).toBe(1);
    expect(new Set(sent.map((s) => s.key))).toEqual(new Set([outboxId]));
  });

  it('a forced flush (back online, Sync now) ignores the backoff', async () => {
    const answers = [fail(503), ok()];
    const { flusher } = setup(() => answers.shift()!);
    await endedSet();
    await flusher.flush({ userId: 'dj-1' });
    expect((await flusher.flush({ userId: 'dj-1', force: true })).delivered).toBe(1);
  });

  it('no network: kept, and the flush stops at the first entry (the rest keep their schedule)', async () => {
    const { flusher, sent } = setup(() => 'network-error');
    await endedSet('dj-1', 1_000_000);
    await endedSet('dj-1', 800_000);
    const report = await flusher.flush({ userId: 'dj-1' });
    expect(report).toMatchObject({ offline: true, retried: 1, remaining: 2 });
    expect(sent).toHaveLength(1);
  });

  it('401/403: kept and waits for a sign-in (only forced flushes try it again)', async () => {
    const answers = [fail(401, 'Your session has expired. Sign in again.'), ok()];
    const { flusher, sent, tick } = setup(() => answers.shift()!);
    const { outboxId } = await endedSet();
    expect((await flusher.flush({ userId: 'dj-1' })).needsAuth).toBe(1);
    expect(await db.outbox.get(outboxId)).toMatchObject({ state: 'needs-auth', lastError: 'Your session has expired. Sign in again.' });
    tick(3_600_000);
    await flusher.flush({ userId: 'dj-1' });
    expect(sent).toHaveLength(1);
    expect((await flusher.flush({ userId: 'dj-1', force: true })).delivered).toBe(1);
  });

  it('validation 4xx: kept, marked failed with why, never retried by itself; the DJ can retry or discard', async () => {
    const answers = [fail(400, 'Invalid body', { issues: [{ path: 'venue', message: 'Say where the set was played' }] }), ok()];
    const { flusher, sent } = setup(() => answers.shift()!);
    const { setId, outboxId } = await endedSet();
    expect((await flusher.flush({ userId: 'dj-1' })).rejected).toBe(1);
    expect(await db.outbox.get(outboxId)).toMatchObject({ state: 'failed', lastStatus: 400 });
    expect(await db.djSets.get(setId)).toMatchObject({ status: 'failed', failure: 'Invalid body (venue: Say where the set was played)' });
    await flusher.flush({ userId: 'dj-1', force: true });
    expect(sent).toHaveLength(1);
    await retryEntry(db, OUTBOX_KINDS, outboxId);
    expect(await db.djSets.get(setId)).toMatchObject({ status: 'pending', failure: null });
    expect((await flusher.flush({ userId: 'dj-1' })).delivered).toBe(1);
    expect(sent.map((s) => s.key)).toEqual([outboxId, outboxId]);
  });

  it('discarding is only for failed entries, and removes the set with it', async () => {
    const { flusher } = setup(() => fail(422, 'reused'));
    const { setId, outboxId } = await endedSet();
    expect(await discardEntry(db, OUTBOX_KINDS, outboxId)).toBe(false);
    await flusher.flush({ userId: 'dj-1' });
    expect(await discardEntry(db, OUTBOX_KINDS, outboxId)).toBe(true);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.djSets.get(setId)).toBeUndefined();
  });

  it("a 200 that is not the server's answer (portal page) is not delivered", async () => {
    const { flusher } = setup(() => new Response('<html>Welcome to the venue Wi-Fi</html>', { status: 200, headers: { 'content-type': 'text/html' } }));
    await endedSet();
    expect(await flusher.flush({ userId: 'dj-1' })).toMatchObject({ delivered: 0, retried: 1, remaining: 1 });
  });

  it("only the signed-in DJ's entries are sent", async () => {
    const { flusher, sent } = setup(() => ok());
    await endedSet('dj-1');
    await endedSet('dj-2');
    await flusher.flush({ userId: 'dj-2' });
    expect(sent.map((s) => (s.body as { djId: string }).djId)).toEqual(['dj-2']);
    expect(await db.outbox.count()).toBe(1);
  });

  it('without Web Locks, two flushers racing on one entry send it once (leases)', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { flusher, sent } = setup(() => ok());
    await endedSet();
    const slow = createFlusher({
      db, kinds: OUTBOX_KINDS, locks: null,
      fetch: async () => {
        sent.push({ key: 'slow', body: null, headers: new Headers() });
        await gate;
        return ok();
      },
    });
    const first = slow.flush({ userId: 'dj-1' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = await flusher.flush({ userId: 'dj-1', force: true });
    release();
    await first;
    expect(second.delivered).toBe(0);
    expect(sent).toHaveLength(1);
    expect(await db.outbox.count()).toBe(0);
  });

  it('with a lock manager, flushes run one at a time (the second finds nothing left to send)', async () => {
    let running = false;
    const locks = {
      request: (async (_name: string, _options: unknown, callback: () => Promise<unknown>) => {
        while (running) await new Promise((resolve) => setTimeout(resolve, 5));
        running = true;
        try {
          return await callback();
        } finally {
          running = false;
        }
      }) as unknown as LockManager['request'],
    };
    const { flusher, sent } = setup(() => ok(), { locks });
    await endedSet();
    const [a, b] = await Promise.all([flusher.flush({ userId: 'dj-1', force: true }), flusher.flush({ userId: 'dj-1', force: true })]);
    expect(a.delivered + b.delivered).toBe(1);
    expect(sent).toHaveLength(1);
  });

  it('an entry enqueued during a flush goes out in the same flush', async () => {
    let enqueued: Promise<unknown> | null = null;
    const { flusher, sent } = setup(async () => {
      if (!enqueued) {
        enqueued = endedSet('dj-1', 900_000);
        await enqueued;
      }
      return ok();
    });
    await endedSet();
    const report = await flusher.flush({ userId: 'dj-1' });
    expect(report).toMatchObject({ delivered: 2, remaining: 0 });
    expect(new Set(sent.map((s) => s.key)).size).toBe(2);
  });

  it('409 overlapping_set: refused once with the set it overlaps named, never retried by itself (issue #16)', async () => {
    const overlap = () =>
      fail(409, 'This set overlaps the set you recorded at Fabric on Fri, 20 Nov 2026.', {
        code: 'overlapping_set',
        details: { otherSetId: 'remote-7', otherSetVenue: 'Fabric', otherSetStartedAt: '2026-11-20T22:00:00.000Z', otherSetEndedAt: '2026-11-21T01:00:00.000Z' },
      });
    const { flusher, sent, tick } = setup(overlap);
    const { setId, outboxId } = await endedSet();
    expect(await flusher.flush({ userId: 'dj-1' })).toMatchObject({ rejected: 1, retried: 0, remaining: 1, nextAttemptAt: null });
    const day = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(new Date('2026-11-20T22:00:00.000Z'));
    expect(await db.djSets.get(setId)).toMatchObject({ status: 'failed', failure: `This set overlaps the set you recorded at Fabric on ${day}.` });
    expect(await db.outbox.get(outboxId)).toMatchObject({ state: 'failed', lastStatus: 409 });
    // Timers, triggers and forced flushes leave it alone: only "Send again" sends it.
    for (let i = 0; i < 5; i++) {
      tick(3_600_000);
      await flusher.flush({ userId: 'dj-1', force: i % 2 === 0 });
    }
    expect(sent).toHaveLength(1);
    await retryEntry(db, OUTBOX_KINDS, outboxId);
    await flusher.flush({ userId: 'dj-1' });
    expect(sent).toHaveLength(2);
    expect(await db.djSets.get(setId)).toMatchObject({ status: 'failed' });
  });

  it('a synced set remembers how many of its plays were the DJ’s own, uncredited tracks', async () => {
    const answer = new Response(
      JSON.stringify({ set: { id: 'remote-3', tracksCount: 2 }, tracks: [{ credited: false }, { credited: true }], skippedTrackIds: [], blackDiamondsAwarded: 1, alreadyRecorded: false }),
      { status: 201, headers: { 'content-type': 'application/json' } },
    );
    const { flusher } = setup(() => answer);
    const { setId } = await endedSet();
    await flusher.flush({ userId: 'dj-1' });
    expect(await db.djSets.get(setId)).toMatchObject({ status: 'synced', result: { tracksCount: 2, uncreditedTracks: 1 } });
  });
});
