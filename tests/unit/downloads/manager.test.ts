import { describe, expect, it } from 'vitest';
import { AUDIO_CACHE_NAME } from '@/lib/pwa/audio-cache';
import { OFFLINE_ARTWORK_CACHE_NAME } from '@/lib/offline/downloads/artwork-cache';
import { createDownloadManager, type DownloadManager } from '@/lib/offline/downloads/manager';
import { memoryRecordStore } from '@/lib/offline/downloads/records';
import type { DownloadsSnapshot } from '@/lib/offline/downloads/types';
import { CHUNK, FakeCacheStorage, FakeServer, fakeStorage, tracks } from './support';

// The download manager's logic with a fake fetch and a fake Cache Storage: whole files only,
// progress, cancel, failure and retry, quota, the queue, removal, and locked VIP tracks refused.

const AUDIO = (id: string) => `/api/tracks/${id}/audio`;
const ART = (id: string) => `/api/tracks/${id}/artwork`;

async function world(options: { concurrency?: number; user?: string | null } = {}) {
  const server = new FakeServer();
  const caches = new FakeCacheStorage();
  const records = memoryRecordStore();
  const storage = fakeStorage(caches);
  const manager = createDownloadManager({ fetch: server.fetch, caches, records, storage, concurrency: options.concurrency });
  const seen: DownloadsSnapshot[] = [];
  manager.subscribe(() => seen.push(manager.getSnapshot()));
  await manager.setUser(options.user === undefined ? 'dj-1' : options.user);
  return { server, caches, records, storage, manager, seen };
}

const open = { unlockedTrackIds: [] as string[] };

/** Polls until `check` holds (the fake streams tick on timers). */
async function until(check: () => boolean, what = 'condition'): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

function nothingStored(env: Awaited<ReturnType<typeof world>>, id: string) {
  expect(env.caches.entry(AUDIO_CACHE_NAME, AUDIO(id))).toBeUndefined();
  expect(env.caches.entry(OFFLINE_ARTWORK_CACHE_NAME, ART(id))).toBeUndefined();
  expect([...env.records.rows.values()].filter((r) => r.trackId === id)).toEqual([]);
  expect(env.manager.getSnapshot().offlineIds.has(id)).toBe(false);
}

describe('a download', () => {
  it('reports progress from Content-Length, then stores the whole file as a 200, the cover and the metadata', async () => {
    const env = await world();
    const [track] = tracks(1);
    env.server.addTrack(track!.id, 10 * CHUNK);
    env.server.set(track!.id, { holdAt: 5 * CHUNK });
    expect(env.manager.enqueue([track!], open)).toEqual({ queued: [track!.id], skipped: [], refused: [] });

    await env.server.held(track!.id);
    await until(() => env.manager.getSnapshot().taskById.get(track!.id)?.progress === 0.5, '50 %');
    const mid = env.manager.getSnapshot();
    expect(mid.taskById.get(track!.id)).toMatchObject({ status: 'downloading', receivedBytes: 5 * CHUNK, totalBytes: 10 * CHUNK, progress: 0.5 });
    expect(mid.overall).toMatchObject({ total: 1, done: 0, pending: 1, progress: 0.5 });
    // Nothing is in the cache while the file is incomplete.
    expect(env.caches.keys(AUDIO_CACHE_NAME)).toEqual([]);

    env.server.resume(track!.id);
    await env.manager.whenIdle();
    const done = env.manager.getSnapshot();
    expect(done.tasks).toEqual([]);
    expect(done.offlineIds.has(track!.id)).toBe(true);
    expect(done.overall).toMatchObject({ total: 1, done: 1, pending: 0, progress: 1 });
    expect(done.offline[0]).toMatchObject({ trackId: track!.id, audioBytes: 10 * CHUNK, artworkBytes: 300, track: { title: track!.title } });

    const audio = env.caches.entry(AUDIO_CACHE_NAME, AUDIO(track!.id))!;
    expect(audio.status).toBe(200);
    expect(new Headers(audio.headers).get('content-type')).toBe('audio/mpeg');
    expect(new Headers(audio.headers).get('content-length')).toBe(String(10 * CHUNK));
    expect(new Headers(audio.headers).has('content-range')).toBe(false);
    expect(audio.body).toEqual(env.server.audio.get(track!.id)!.bytes);
    expect(env.caches.entry(OFFLINE_ARTWORK_CACHE_NAME, ART(track!.id))?.body.byteLength).toBe(300);
    expect(env.caches.keys(AUDIO_CACHE_NAME)).toEqual([AUDIO(track!.id)]); // the cover is not in the audio cache
    expect(env.records.rows.get(`dj-1\u0000${track!.id}`)).toMatchObject({ userId: 'dj-1', audioType: 'audio/mpeg', track: { id: track!.id } });

    // Fetched whole, bypassing the HTTP cache.
    const request = env.server.requests.find((r) => r.url === AUDIO(track!.id))!;
    expect(request.init).toMatchObject({ cache: 'no-store', credentials: 'same-origin' });
    expect(new Headers(request.init.headers).has('range')).toBe(false);

    // Progress went up in whole percents and never backwards.
    const progress = env.seen.map((s) => s.taskById.get(track!.id)?.progress).filter((p): p is number => typeof p === 'number');
    expect(progress.length).toBeGreaterThanOrEqual(10);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));

    // Persistence is asked once, after the first success, and shown.
    expect(env.storage.calls.persist).toBe(1);
    expect(done.storage).toMatchObject({ persisted: true, usage: 10 * CHUNK + 300, quota: 50 * 1024 * 1024 });
  });

  it('without Content-Length: progress unknown, the file still stored whole with its real length', async () => {
    const env = await world();
    const [track] = tracks(1, { artworkUrl: null });
    env.server.addTrack(track!.id, 7 * CHUNK + 13, false);
    env.server.set(track!.id, { noLength: true });
    env.manager.enqueue([track!], open);
    await env.manager.whenIdle();
    expect(env.seen.every((s) => s.taskById.get(track!.id)?.progress === null || s.taskById.get(track!.id)?.progress === undefined || s.taskById.get(track!.id)?.progress === 1)).toBe(true);
    const audio = env.caches.entry(AUDIO_CACHE_NAME, AUDIO(track!.id))!;
    expect(new Headers(audio.headers).get('content-length')).toBe(String(7 * CHUNK + 13));
    expect(env.server.requests.some((r) => r.url.endsWith('/artwork'))).toBe(false);
  });

  it('a second request for an offline or running track does nothing', async () => {
    const env = await world();
    const [track] = tracks(1);
    env.server.addTrack(track!.id);
    env.server.set(track!.id, { holdAt: CHUNK });
    env.manager.enqueue([track!], open);
    expect(env.manager.enqueue([track!, track!], open)).toEqual({ queued: [], skipped: [track!.id, track!.id], refused: [] });
    env.server.resume(track!.id);
    await env.manager.whenIdle();
    expect(env.manager.enqueue([track!], open).skipped).toEqual([track!.id]);
    expect(env.server.audioRequests()).toHaveLength(1);
  });
});

describe('cancel', () => {
  it('mid-file leaves nothing in the caches nor in the records', async () => {
    const env = await world();
    const [track] = tracks(1);
    env.server.addTrack(track!.id);
    env.server.set(track!.id, { holdAt: 6 * CHUNK });
    env.manager.enqueue([track!], open);
    await env.server.held(track!.id);
    env.manager.cancel(track!.id);
    await env.manager.whenIdle();
    expect(env.manager.getSnapshot().tasks).toEqual([]);
    expect(env.manager.getSnapshot().overall.total).toBe(0);
    nothingStored(env, track!.id);
    expect(env.server.inFlight).toBe(0);
  });

  it('a queued track is never fetched; cancelAll stops everything', async () => {
    const env = await world({ concurrency: 1 });
    const [a, b, c] = tracks(3);
    for (const t of [a, b, c]) {
      env.server.addTrack(t!.id);
      env.server.set(t!.id, { holdAt: 2 * CHUNK });
    }
    env.manager.enqueue([a!, b!, c!], open);
    await env.server.held(a!.id);
    env.manager.cancel(b!.id);
    expect(env.manager.getSnapshot().tasks.map((t) => [t.trackId, t.status])).toEqual([[a!.id, 'downloading'], [c!.id, 'queued']]);
    env.manager.cancelAll();
    await env.manager.whenIdle();
    expect(env.server.audioRequests()).toEqual([AUDIO(a!.id)]);
    for (const t of [a, b, c]) nothingStored(env, t!.id);
  });

  it('between the last byte and the record, still undone', async () => {
    const env = await world();
    const [track] = tracks(1);
    env.server.addTrack(track!.id);
    // Cancel the moment the audio is in the cache, before the row is written.
    const put = env.caches.open.bind(env.caches);
    env.caches.open = async (name: string) => {
      const cache = await put(name);
      if (name !== AUDIO_CACHE_NAME) return cache;
      return new Proxy(cache, {
        get(target, prop, receiver) {
          if (prop !== 'put') return Reflect.get(target, prop, receiver);
          return async (key: string, res: Response) => {
            await target.put(key, res);
            env.manager.cancel(track!.id);
          };
        },
      });
    };
    env.manager.enqueue([track!], open);
    await env.manager.whenIdle();
    nothingStored(env, track!.id);
  });
});

describe('failures', () => {
  it('a dropped connection fails with a clear message and keeps nothing; retry then succeeds', async () => {
    const env = await world();
    const [track] = tracks(1);
    env.server.addTrack(track!.id);
    env.server.set(track!.id, { breakAt: 4 * CHUNK });
    env.manager.enqueue([track!], open);
    await env.manager.whenIdle();
    const failed = env.manager.getSnapshot().taskById.get(track!.id)!;
    expect(failed).toMatchObject({ status: 'failed', error: { kind: 'network', message: expect.stringMatching(/cannot reach the server/) } });
    expect(env.manager.getSnapshot().overall).toMatchObject({ failed: 1, pending: 0 });
    nothingStored(env, track!.id);

    env.server.set(track!.id, {});
    env.manager.retry(track!.id);
    expect(env.manager.getSnapshot().taskById.get(track!.id)).toMatchObject({ status: expect.stringMatching(/queued|downloading/), error: null });
    await env.manager.whenIdle();
    expect(env.manager.getSnapshot().offlineIds.has(track!.id)).toBe(true);
    expect(env.manager.getSnapshot().tasks).toEqual([]);
    expect(env.caches.entry(AUDIO_CACHE_NAME, AUDIO(track!.id))?.body.byteLength).toBe(10 * CHUNK);
  });

  it.each([
    [{ offline: true }, 'network', /cannot reach the server/],
    [{ status: 401 }, 'auth', /Sign in again/],
    [{ status: 404 }, 'not_found', /no longer available/],
    [{ status: 503 }, 'server', /status 503/],
    [{ endAt: 6 * CHUNK }, 'incomplete', /before the end of the file/],
  ] as const)('%j → %s, nothing kept', async (behaviour, kind, message) => {
    const env = await world();
    const [track] = tracks(1);
    env.server.addTrack(track!.id);
    env.server.set(track!.id, behaviour);
    env.manager.enqueue([track!], open);
    await env.manager.whenIdle();
    expect(env.manager.getSnapshot().taskById.get(track!.id)?.error).toEqual({ kind, message: expect.stringMatching(message) });
    nothingStored(env, track!.id);
  });

  it('a full disk (QuotaExceededError on put) is explained with the storage figures, nothing kept, others go on', async () => {
    const env = await world();
    const [big, small] = tracks(2);
    env.server.addTrack(big!.id, 30 * CHUNK);
    env.server.addTrack(small!.id, 5 * CHUNK, false);
    env.caches.quotaBytes = 20 * CHUNK;
    env.manager.enqueue([big!, small!], open);
    await env.manager.whenIdle();
    const error = env.manager.getSnapshot().taskById.get(big!.id)?.error;
    expect(error?.kind).toBe('quota');
    expect(error?.message).toMatch(new RegExp(`^Not enough storage to keep “${big!.title}” \\(29 KB\\) offline\\.`));
    expect(error?.message).toMatch(/The console uses .* of the 50 MB this device allows it\./);
    expect(error?.message).toMatch(/Remove downloads you no longer need/);
    nothingStored(env, big!.id);
    expect(env.manager.getSnapshot().offlineIds.has(small!.id)).toBe(true);

    // Room made: retry works.
    env.caches.quotaBytes = null;
    env.manager.retry(big!.id);
    await env.manager.whenIdle();
    expect(env.manager.getSnapshot().offlineIds.has(big!.id)).toBe(true);
  });

  it('a quota error on the cover undoes the audio too', async () => {
    const env = await world();
    const [track] = tracks(1);
    env.server.addTrack(track!.id, 10 * CHUNK);
    env.caches.quotaBytes = 10 * CHUNK + 100; // the audio fits, the 300-byte cover does not
    env.manager.enqueue([track!], open);
    await env.manager.whenIdle();
    expect(env.manager.getSnapshot().taskById.get(track!.id)?.error?.kind).toBe('quota');
    nothingStored(env, track!.id);
  });
});

describe('the queue', () => {
  it('runs 2 downloads at a time, in order, and reports overall progress', async () => {
    const env = await world();
    const list = tracks(5);
    for (const t of list) {
      env.server.addTrack(t.id, 4 * CHUNK);
      env.server.set(t.id, { holdAt: 2 * CHUNK });
    }
    env.manager.enqueue(list, open);
    await env.server.held(list[0]!.id);
    await env.server.held(list[1]!.id);
    await until(() => env.manager.getSnapshot().overall.progress === 0.2, 'two halves of five');
    expect(env.manager.getSnapshot().tasks.map((t) => t.status)).toEqual(['downloading', 'downloading', 'queued', 'queued', 'queued']);
    expect(env.server.inFlight).toBe(2);
    expect(env.manager.getSnapshot().overall).toMatchObject({ total: 5, done: 0, pending: 5 });

    let maxInFlight = 0;
    const unsubscribe = env.manager.subscribe(() => (maxInFlight = Math.max(maxInFlight, env.server.inFlight)));
    for (const t of list) env.server.resume(t.id);
    await env.manager.whenIdle();
    unsubscribe();
    expect(maxInFlight).toBeLessThanOrEqual(2);
    expect(env.server.audioRequests()).toEqual(list.map((t) => AUDIO(t.id)));
    expect(env.manager.getSnapshot().overall).toMatchObject({ total: 5, done: 5, progress: 1 });
    expect(env.manager.getSnapshot().offline.map((o) => o.trackId).sort()).toEqual(list.map((t) => t.id).sort());
  });
});

describe('locked VIP tracks and other refusals', () => {
  it('refuses a locked VIP track without fetching anything; an unlocked one downloads', async () => {
    const env = await world();
    const [locked, unlocked] = tracks(2, { isVip: true, vipPreview: { startSeconds: 30, endSeconds: 60 } });
    env.server.addTrack(locked!.id);
    env.server.addTrack(unlocked!.id);
    const result = env.manager.enqueue([locked!, unlocked!], { unlockedTrackIds: [unlocked!.id] });
    expect(result.refused).toEqual([{ trackId: locked!.id, title: locked!.title, reason: 'locked', message: expect.stringMatching(/Unlock this VIP track first/) }]);
    expect(result.queued).toEqual([unlocked!.id]);
    await env.manager.whenIdle();
    expect(env.server.requests.some((r) => r.url.includes(locked!.id))).toBe(false);
    nothingStored(env, locked!.id);
    expect(env.manager.getSnapshot().offlineIds.has(unlocked!.id)).toBe(true);
    // Still refused later, even with the unlock of another track listed.
    expect(env.manager.enqueue([locked!], { unlockedTrackIds: [unlocked!.id] }).refused[0]?.reason).toBe('locked');
  });

  it('refuses unapproved tracks, tracks without audio, and everything when signed out', async () => {
    const env = await world();
    const [pending] = tracks(1, { status: 'pending' });
    const [silent] = tracks(1, { audioUrl: null });
    const reasons = env.manager.enqueue([pending!, silent!], open).refused.map((r) => r.reason);
    expect(reasons).toEqual(['not_approved', 'no_audio']);
    const signedOut = await world({ user: null });
    expect(signedOut.manager.enqueue(tracks(1), open).refused[0]?.reason).toBe('signed_out');
    expect(env.server.requests).toEqual([]);
  });
});

describe('removal and members', () => {
  async function downloaded(env: Awaited<ReturnType<typeof world>>, count: number) {
    const list = tracks(count);
    for (const t of list) env.server.addTrack(t.id);
    env.manager.enqueue(list, open);
    await env.manager.whenIdle();
    return list;
  }

  it('removes one track, then all, with their files', async () => {
    const env = await world();
    const [a, b, c] = await downloaded(env, 3);
    await env.manager.remove(a!.id);
    nothingStored(env, a!.id);
    expect(env.manager.getSnapshot().offline.map((o) => o.trackId).sort()).toEqual([b!.id, c!.id].sort());
    await env.manager.removeAll();
    for (const t of [a, b, c]) nothingStored(env, t!.id);
    expect(env.manager.getSnapshot().offline).toEqual([]);
    expect(env.manager.getSnapshot().storage.usage).toBe(0);
  });

  it('keeps each member\'s list apart, and a shared file until its last member removes it', async () => {
    const env = await world();
    const [shared] = await downloaded(env, 1);
    await env.manager.setUser('dj-2');
    expect(env.manager.getSnapshot()).toMatchObject({ userId: 'dj-2', loaded: true, offline: [] });
    env.manager.enqueue([shared!], open);
    await env.manager.whenIdle();
    await env.manager.remove(shared!.id);
    // dj-1 still has it: the file stays.
    expect(env.caches.entry(AUDIO_CACHE_NAME, AUDIO(shared!.id))).toBeDefined();
    await env.manager.setUser('dj-1');
    expect(env.manager.getSnapshot().offlineIds.has(shared!.id)).toBe(true);
    await env.manager.remove(shared!.id);
    nothingStored(env, shared!.id);
  });

  it('a new page lists the member\'s offline tracks from the records, and drops those whose audio was evicted', async () => {
    const env = await world();
    const [kept, evicted] = await downloaded(env, 2);
    await env.caches.caches.get(AUDIO_CACHE_NAME)!.delete(AUDIO(evicted!.id));
    const fresh = createDownloadManager({ fetch: env.server.fetch, caches: env.caches, records: env.records, storage: env.storage });
    await fresh.setUser('dj-1');
    expect(fresh.getSnapshot().offline.map((o) => o.trackId)).toEqual([kept!.id]);
    expect([...env.records.rows.values()].map((r) => r.trackId)).toEqual([kept!.id]);
  });

  it('changing member cancels what runs, and leaves nothing of it', async () => {
    const env = await world();
    const [track] = tracks(1);
    env.server.addTrack(track!.id);
    env.server.set(track!.id, { holdAt: 3 * CHUNK });
    env.manager.enqueue([track!], open);
    await env.server.held(track!.id);
    await env.manager.setUser('dj-2');
    await env.manager.whenIdle();
    await until(() => env.server.inFlight === 0, 'the stream to close');
    nothingStored(env, track!.id);
    expect(env.manager.getSnapshot().tasks).toEqual([]);
  });
});

describe('the owner rule (shared iPad): the device\'s downloads belong to the member who signs in', () => {
  async function downloadedBy(env: Awaited<ReturnType<typeof world>>, userId: string, list: ReturnType<typeof tracks>) {
    await env.manager.setUser(userId);
    for (const t of list) if (!env.server.audio.has(t.id)) env.server.addTrack(t.id);
    env.manager.enqueue(list, open);
    await env.manager.whenIdle();
  }

  it("removes another member's offline tracks, rows and files, and tells the worker", async () => {
    const env = await world({ user: null });
    const audioChanges: number[] = [];
    const manager = createDownloadManager({ fetch: env.server.fetch, caches: env.caches, records: env.records, storage: env.storage, onAudioChanged: () => audioChanges.push(1) });
    const local = { ...env, manager };
    const [a1, a2] = tracks(2);
    const [b1] = tracks(1);
    await downloadedBy(local, 'dj-a', [a1!, a2!]);
    await downloadedBy(local, 'dj-b', [b1!]);
    expect(audioChanges).toHaveLength(3); // each stored file was announced
    audioChanges.length = 0;

    expect(await manager.claimDevice('dj-b')).toBe(2);
    nothingStored(local, a1!.id);
    nothingStored(local, a2!.id);
    expect(env.caches.entry(AUDIO_CACHE_NAME, AUDIO(b1!.id))).toBeDefined();
    expect(env.caches.entry(OFFLINE_ARTWORK_CACHE_NAME, ART(b1!.id))).toBeDefined();
    expect(manager.getSnapshot()).toMatchObject({ userId: 'dj-b', loaded: true });
    expect(manager.getSnapshot().offline.map((o) => o.trackId)).toEqual([b1!.id]);
    expect(audioChanges.length).toBeGreaterThan(0);
    // dj-a signs back in: nothing of theirs is left.
    await manager.setUser('dj-a');
    expect(manager.getSnapshot().offline).toEqual([]);
  });

  it("keeps the file of a track the new member keeps offline too, and the same member's downloads untouched", async () => {
    const env = await world({ user: null });
    const [shared, own] = tracks(2);
    await downloadedBy(env, 'dj-a', [shared!, own!]);
    await downloadedBy(env, 'dj-b', [shared!]);
    // The same member again (a session that expired, then a new sign-in): nothing goes.
    expect(await env.manager.claimDevice('dj-b')).toBe(2);
    expect(env.caches.entry(AUDIO_CACHE_NAME, AUDIO(shared!.id))).toBeDefined();
    nothingStored(env, own!.id);
    expect(await env.manager.claimDevice('dj-b')).toBe(0);
    expect(env.manager.getSnapshot().offline.map((o) => o.trackId)).toEqual([shared!.id]);
    expect(env.caches.entry(AUDIO_CACHE_NAME, AUDIO(shared!.id))).toBeDefined();
  });

  it('deletes stored files no row of the member lists (the worker would serve them to anyone)', async () => {
    const env = await world();
    const [mine] = tracks(1);
    await downloadedBy(env, 'dj-1', [mine!]);
    await (await env.caches.open(AUDIO_CACHE_NAME)).put('/api/tracks/stray/audio', new Response('x', { headers: { 'content-type': 'audio/mpeg', 'content-length': '1' } }));
    expect(await env.manager.claimDevice('dj-1')).toBe(0);
    expect(env.caches.keys(AUDIO_CACHE_NAME)).toEqual([AUDIO(mine!.id)]);
  });

  it("keeps the member's own download on its way (its file is stored before its row)", async () => {
    const env = await world();
    const [track] = tracks(1);
    env.server.addTrack(track!.id, 4 * CHUNK);
    env.server.set(track!.id, { holdAt: 2 * CHUNK });
    env.manager.enqueue([track!], open);
    await env.server.held(track!.id);
    expect(await env.manager.claimDevice('dj-1')).toBe(0);
    env.server.resume(track!.id);
    await env.manager.whenIdle();
    expect(env.manager.getSnapshot().offlineIds.has(track!.id)).toBe(true);
    expect(env.caches.entry(AUDIO_CACHE_NAME, AUDIO(track!.id))).toBeDefined();
  });
});

describe('snapshots for useSyncExternalStore', () => {
  it('are immutable and stable between changes', async () => {
    const env = await world();
    const first = env.manager.getSnapshot();
    expect(env.manager.getSnapshot()).toBe(first);
    const [track] = tracks(1);
    env.server.addTrack(track!.id);
    env.manager.enqueue([track!], open);
    const second = env.manager.getSnapshot();
    expect(second).not.toBe(first);
    expect(first.tasks).toEqual([]);
    await env.manager.whenIdle();
    expect(env.manager.getSnapshot().offlineIds.has(track!.id)).toBe(true);
    expect(second.offlineIds.has(track!.id)).toBe(false);
  });
});

// Keeps the type import used when the file is trimmed.
export type { DownloadManager };
