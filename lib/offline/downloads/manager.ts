// The download manager: makes tracks available offline, one whole file at a time.
//
// - Audio goes to Cache Storage `spynners-audio-v1` under `/api/tracks/{id}/audio` (the contract in
//   lib/pwa/audio-cache.ts: the worker answers Range requests from that copy). It is fetched as one
//   200 (`cache: 'no-store'`), read with a reader for progress, and put ONLY once every byte is in:
//   a failed or cancelled download never leaves a partial file that would play.
// - The cover goes to `spynners-offline-artwork-v1` (best effort); the track's metadata to the Dexie
//   table `offlineTracks`, per member, so downloads are listed and playable offline without the
//   query cache. A row is written last: no row, no offline track (a half-done download is undone).
// - A queue with 2 downloads at a time; cancel (AbortController), retry, remove, remove all.
// - Locked VIP tracks are refused (and so are unapproved tracks and tracks without audio).
// - `navigator.storage.persist()` is asked after the first successful download; usage and quota
//   come from `estimate()`. A QuotaExceededError is caught and explained.
// - React reads it with useSyncExternalStore: `subscribe` + `getSnapshot` (immutable snapshots).
import type { Track } from '@/lib/domain/types';
import { AUDIO_CACHE_NAME, audioCacheKey, isWholeAudioResponse, trackIdOfAudioUrl } from '@/lib/pwa/audio-cache';
import { artworkCacheKey, OFFLINE_ARTWORK_CACHE_NAME, trackIdOfArtworkUrl } from './artwork-cache';
import { httpFailure, INCOMPLETE_FAILURE, isQuotaError, NETWORK_FAILURE, quotaFailure, storageFailure } from './errors';
import type { DownloadRecordStore, OfflineTrackRow } from './records';
import type {
  DownloadAccess,
  DownloadFailure,
  DownloadsSnapshot,
  DownloadTask,
  EnqueueResult,
  OfflineTrack,
  OverallProgress,
  Refusal,
  StorageState,
} from './types';
import { EMPTY_DOWNLOADS_SNAPSHOT } from './types';

export const DOWNLOAD_CONCURRENCY = 2;

export interface DownloadManagerDeps {
  fetch: (input: string, init: RequestInit) => Promise<Response>;
  caches: Pick<CacheStorage, 'open'>;
  records: DownloadRecordStore;
  /** `navigator.storage` where it exists. */
  storage?: Partial<Pick<StorageManager, 'estimate' | 'persist' | 'persisted'>> | null;
  /**
   * Called after audio files were stored or deleted: the worker keeps an index of the downloaded
   * tracks (it intercepts only those) and a short memory of the copies it answered from.
   */
  onAudioChanged?: () => void;
  concurrency?: number;
  now?: () => number;
}

export interface DownloadManager {
  subscribe(listener: () => void): () => void;
  getSnapshot(): DownloadsSnapshot;
  /** Whose downloads to show and make (null: signed out). Changing member cancels what runs. */
  setUser(userId: string | null): Promise<void>;
  /**
   * The owner rule (README): the device's downloads belong to `userId` from now on. Every other
   * member's offline tracks are removed (rows and files), and so is any stored file none of
   * `userId`'s tracks needs; then the manager shows `userId`'s. Resolves to how many offline
   * tracks of other members were removed.
   */
  claimDevice(userId: string): Promise<number>;
  enqueue(tracks: readonly Track[], access: DownloadAccess): EnqueueResult;
  cancel(trackId: string): void;
  cancelAll(): void;
  retry(trackId: string): void;
  /** Forgets a failed download without retrying it. */
  dismiss(trackId: string): void;
  remove(trackId: string): Promise<void>;
  removeAll(): Promise<void>;
  refreshStorage(): Promise<void>;
  /** Resolves when nothing is queued or running (failed tasks may remain). */
  whenIdle(): Promise<void>;
}

interface Task extends DownloadTask {
  track: Track;
  controller: AbortController | null;
}

const REFUSAL_MESSAGES: Record<Refusal, string> = {
  locked: 'Unlock this VIP track first: locked VIP tracks cannot be downloaded.',
  not_approved: 'Only approved tracks can be downloaded.',
  no_audio: 'This track has no audio to download.',
  signed_out: 'Sign in to download tracks.',
};



export function refusalOf(track: Track, unlocked: ReadonlySet<string>): Refusal | null {
  if (track.isVip && !unlocked.has(track.id)) return 'locked';
  if (track.status !== 'approved') return 'not_approved';
  if (!track.audioUrl) return 'no_audio';
  return null;
}

export function createDownloadManager(deps: DownloadManagerDeps): DownloadManager {
  const concurrency = Math.max(1, deps.concurrency ?? DOWNLOAD_CONCURRENCY);
  const now = deps.now ?? Date.now;
  const listeners = new Set<() => void>();
  const idleWaiters = new Set<() => void>();

  let userId: string | null = null;
  let loaded = false;
  let generation = 0; // bumped on every member change: late results of the previous one are dropped
  let offline = new Map<string, OfflineTrack>();
  const tasks = new Map<string, Task>(); // insertion order = queue order
  let running = 0;
  let batch = { total: 0, done: 0 };
  let storage: StorageState = EMPTY_DOWNLOADS_SNAPSHOT.storage;
  let persistAsked = false;
  let snapshot: DownloadsSnapshot = EMPTY_DOWNLOADS_SNAPSHOT;

  // ---- snapshot -------------------------------------------------------------------------------

  function publicTask(task: Task): DownloadTask {
    const { trackId, title, artist, status, receivedBytes, totalBytes, progress, error } = task;
    return { trackId, title, artist, status, receivedBytes, totalBytes, progress, error };
  }

  function overall(list: readonly DownloadTask[]): OverallProgress {
    const failed = list.filter((t) => t.status === 'failed').length;
    const pending = list.length - failed;
    if (batch.total === 0) return { total: 0, done: 0, failed, pending, progress: null };
    const partial = list.reduce((sum, t) => sum + (t.status === 'failed' ? 0 : (t.progress ?? 0)), 0);
    return { total: batch.total, done: batch.done, failed, pending, progress: Math.min(1, (batch.done + partial) / batch.total) };
  }

  function buildSnapshot(): DownloadsSnapshot {
    const list = [...tasks.values()].map((task) => {
      // Keep the same object for an unchanged task, so a row reading it does not re-render.
      const before = snapshot.taskById.get(task.trackId);
      const current = publicTask(task);
      return before && shallowEqual(before, current) ? before : current;
    });
    const offlineList = [...offline.values()].sort((a, b) => b.downloadedAt - a.downloadedAt);
    return {
      userId,
      loaded,
      offline: offlineList,
      offlineIds: new Set(offline.keys()),
      tasks: list,
      taskById: new Map(list.map((t) => [t.trackId, t])),
      overall: overall(list),
      storage,
    };
  }

  function emit(): void {
    snapshot = buildSnapshot();
    for (const listener of [...listeners]) listener();
    if (running === 0 && ![...tasks.values()].some((t) => t.status === 'queued')) {
      for (const resolve of [...idleWaiters]) resolve();
      idleWaiters.clear();
    }
  }

  // ---- storage --------------------------------------------------------------------------------

  async function refreshStorage(): Promise<void> {
    const api = deps.storage;
    if (!api) return;
    const [estimate, persisted] = await Promise.all([
      api.estimate?.().catch(() => null) ?? null,
      api.persisted?.().catch(() => null) ?? null,
    ]);
    storage = {
      usage: typeof estimate?.usage === 'number' ? estimate.usage : storage.usage,
      quota: typeof estimate?.quota === 'number' ? estimate.quota : storage.quota,
      persisted: typeof persisted === 'boolean' ? persisted : storage.persisted,
    };
    emit();
  }

  /** After the first track is offline: ask the browser not to evict our storage (once). */
  async function askPersistence(): Promise<void> {
    if (persistAsked || !deps.storage?.persist) return;
    persistAsked = true;
    const already = await deps.storage.persisted?.().catch(() => false);
    const persisted = already ? true : await deps.storage.persist().catch(() => false);
    storage = { ...storage, persisted };
    emit();
  }

  // ---- members --------------------------------------------------------------------------------

  async function setUser(next: string | null): Promise<void> {
    // Every screen binds the member on mount: the same member again is a no-op (even mid-load).
    if (next === userId) return;
    generation += 1;
    const mine = generation;
    abortEverything();
    userId = next;
    loaded = false;
    offline = new Map();
    emit();
    if (next === null) return;
    let rows: OfflineTrackRow[] = [];
    try {
      rows = await deps.records.listByUser(next);
      rows = await dropEvicted(rows);
    } catch {
      rows = [];
    }
    if (mine !== generation) return;
    offline = new Map(rows.map((row) => [row.trackId, toOfflineTrack(row)]));
    loaded = true;
    emit();
    void refreshStorage();
  }

  /** Rows whose audio the browser has evicted (or someone deleted) are no longer offline. */
  async function dropEvicted(rows: OfflineTrackRow[]): Promise<OfflineTrackRow[]> {
    if (rows.length === 0) return rows;
    const audio = await deps.caches.open(AUDIO_CACHE_NAME);
    const kept: OfflineTrackRow[] = [];
    for (const row of rows) {
      const present = await audio.match(audioCacheKey(row.trackId), { ignoreVary: true }).catch(() => undefined);
      if (present) kept.push(row);
      else await deps.records.delete(row.userId, row.trackId).catch(() => undefined);
    }
    return kept;
  }

  function abortEverything(): void {
    for (const task of tasks.values()) task.controller?.abort(new DOMException('Cancelled', 'AbortError'));
    tasks.clear();
    batch = { total: 0, done: 0 };
  }

  // ---- queue ----------------------------------------------------------------------------------

  function enqueue(list: readonly Track[], access: DownloadAccess): EnqueueResult {
    const result: EnqueueResult = { queued: [], skipped: [], refused: [] };
    const unlocked = new Set(access.unlockedTrackIds);
    if (![...tasks.values()].some((t) => t.status !== 'failed')) batch = { total: 0, done: 0 };
    for (const track of list) {
      const refusal = userId === null ? 'signed_out' : refusalOf(track, unlocked);
      if (refusal) {
        result.refused.push({ trackId: track.id, title: track.title, reason: refusal, message: REFUSAL_MESSAGES[refusal] });
        continue;
      }
      const existing = tasks.get(track.id);
      if (existing?.status === 'failed') {
        requeue(existing);
        result.queued.push(track.id);
        continue;
      }
      if (offline.has(track.id) || existing || result.queued.includes(track.id)) {
        result.skipped.push(track.id);
        continue;
      }
      tasks.set(track.id, {
        trackId: track.id,
        title: track.title,
        artist: track.artist,
        status: 'queued',
        receivedBytes: 0,
        totalBytes: null,
        progress: null,
        error: null,
        track,
        controller: null,
      });
      batch.total += 1;
      result.queued.push(track.id);
    }
    if (result.queued.length > 0) {
      emit();
      pump();
    }
    return result;
  }

  function requeue(task: Task): void {
    task.status = 'queued';
    task.error = null;
    task.receivedBytes = 0;
    task.totalBytes = null;
    task.progress = null;
    // A retry after the batch was emptied starts a new one.
    if (![...tasks.values()].some((t) => t !== task && t.status !== 'failed')) batch = { total: 0, done: 0 };
    tasks.delete(task.trackId); // to the end of the queue
    tasks.set(task.trackId, task);
    batch.total += 1;
  }

  function pump(): void {
    for (const task of tasks.values()) {
      if (running >= concurrency) break;
      if (task.status !== 'queued') continue;
      running += 1;
      void run(task).finally(() => {
        running -= 1;
        pump();
        emit();
      });
    }
  }

  function cancel(trackId: string): void {
    const task = tasks.get(trackId);
    if (!task) return;
    if (task.controller) {
      task.controller.abort(new DOMException('Cancelled', 'AbortError'));
      return; // run() cleans up and drops the task
    }
    tasks.delete(trackId);
    if (task.status !== 'failed') batch.total = Math.max(0, batch.total - 1);
    emit();
  }

  function cancelAll(): void {
    for (const trackId of [...tasks.keys()]) cancel(trackId);
  }

  function retry(trackId: string): void {
    const task = tasks.get(trackId);
    if (!task || task.status !== 'failed') return;
    requeue(task);
    emit();
    pump();
  }

  function dismiss(trackId: string): void {
    const task = tasks.get(trackId);
    if (task?.status !== 'failed') return;
    tasks.delete(trackId);
    emit();
  }

  // ---- one download ---------------------------------------------------------------------------

  async function run(task: Task): Promise<void> {
    const mine = generation;
    const owner = userId;
    const controller = new AbortController();
    const { signal } = controller;
    task.controller = controller;
    task.status = 'downloading';
    emit();
    const wrote = { audio: false, artwork: false };
    try {
      const audio = await fetchWhole(task, signal);
      const artwork = await fetchArtwork(task.track, signal);
      task.status = 'saving';
      emit();
      signal.throwIfAborted();
      wrote.audio = !(await has(AUDIO_CACHE_NAME, audioCacheKey(task.trackId)));
      await put(AUDIO_CACHE_NAME, audioCacheKey(task.trackId), audio.response);
      deps.onAudioChanged?.();
      if (artwork) {
        wrote.artwork = !(await has(OFFLINE_ARTWORK_CACHE_NAME, artworkCacheKey(task.trackId)));
        await put(OFFLINE_ARTWORK_CACHE_NAME, artworkCacheKey(task.trackId), artwork.response);
      }
      signal.throwIfAborted();
      if (owner === null || mine !== generation) throw new DOMException('Member changed', 'AbortError');
      const row: OfflineTrackRow = {
        userId: owner,
        trackId: task.trackId,
        track: task.track,
        audioBytes: audio.bytes,
        audioType: audio.type,
        artworkBytes: artwork?.bytes ?? 0,
        downloadedAt: now(),
      };
      await deps.records.put(row);
      // Offline from here on, whatever happens next.
      tasks.delete(task.trackId);
      batch.done += 1;
      offline = new Map(offline).set(row.trackId, toOfflineTrack(row));
      emit();
      await askPersistence();
      await refreshStorage();
    } catch (error) {
      await undo(task.trackId, wrote);
      if (signal.aborted || mine !== generation) {
        if (tasks.get(task.trackId) === task) {
          tasks.delete(task.trackId);
          batch.total = Math.max(0, batch.total - 1);
        }
        return;
      }
      task.status = 'failed';
      task.controller = null;
      task.error = await explain(error, task);
      batch.total = Math.max(0, batch.total - 1);
    } finally {
      task.controller = null;
    }
  }

  /** The whole file as a 200 Response fit for the audio cache (Content-Type and Content-Length set). */
  async function fetchWhole(task: Task, signal: AbortSignal): Promise<{ response: Response; bytes: number; type: string }> {
    let res: Response;
    try {
      res = await deps.fetch(audioCacheKey(task.trackId), {
        cache: 'no-store',
        credentials: 'same-origin',
        headers: { Accept: 'audio/*' },
        signal,
      });
    } catch (error) {
      throw signal.aborted ? error : new FailureError(NETWORK_FAILURE);
    }
    if (res.status !== 200 || res.headers.has('content-range') || !res.body) {
      void res.body?.cancel().catch(() => undefined);
      throw new FailureError(httpFailure(res.status === 200 ? 206 : res.status));
    }
    const declared = res.headers.get('content-length');
    const total = declared !== null && /^\d+$/.test(declared) ? Number(declared) : null;
    task.totalBytes = total;
    task.progress = total ? 0 : null;
    emit();

    const reader = res.body.getReader();
    const chunks: Uint8Array[] = [];
    let received = 0;
    let lastPercent = -1;
    let lastEmitBytes = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        received += value.byteLength;
        task.receivedBytes = received;
        if (total) {
          task.progress = Math.min(1, received / total);
          const percent = Math.floor(task.progress * 100);
          if (percent !== lastPercent) {
            lastPercent = percent;
            emit();
          }
        } else if (received - lastEmitBytes >= 256 * 1024) {
          lastEmitBytes = received;
          emit();
        }
      }
    } catch (error) {
      throw signal.aborted ? (signal.reason ?? error) : new FailureError(NETWORK_FAILURE);
    } finally {
      reader.releaseLock();
    }
    signal.throwIfAborted();
    if (total !== null && received !== total) throw new FailureError(INCOMPLETE_FAILURE);
    if (received === 0) throw new FailureError(INCOMPLETE_FAILURE);

    const type = res.headers.get('content-type') || 'audio/mpeg';
    const blob = new Blob(chunks as BlobPart[], { type });
    const headers = new Headers({ 'content-type': type, 'content-length': String(blob.size) });
    for (const name of ['etag', 'last-modified']) {
      const value = res.headers.get(name);
      if (value) headers.set(name, value);
    }
    const response = new Response(blob, { status: 200, headers });
    if (!isWholeAudioResponse(response)) throw new FailureError(httpFailure(206));
    task.progress = 1;
    return { response, bytes: blob.size, type };
  }

  /** The cover, or null (no cover, or it could not be fetched: the track is offline anyway). */
  async function fetchArtwork(track: Track, signal: AbortSignal): Promise<{ response: Response; bytes: number } | null> {
    if (!track.artworkUrl) return null;
    try {
      const res = await deps.fetch(artworkCacheKey(track.id), { cache: 'no-store', credentials: 'same-origin', signal });
      const type = res.headers.get('content-type') ?? '';
      if (res.status !== 200 || !type.startsWith('image/')) {
        void res.body?.cancel().catch(() => undefined);
        return null;
      }
      const blob = await res.blob();
      const headers = new Headers({ 'content-type': type, 'content-length': String(blob.size) });
      return { response: new Response(blob, { status: 200, headers }), bytes: blob.size };
    } catch (error) {
      if (signal.aborted) throw error;
      return null;
    }
  }

  async function has(cacheName: string, key: string): Promise<boolean> {
    const cache = await deps.caches.open(cacheName);
    return (await cache.match(key, { ignoreVary: true }).catch(() => undefined)) !== undefined;
  }

  async function put(cacheName: string, key: string, response: Response): Promise<void> {
    const cache = await deps.caches.open(cacheName);
    await cache.put(key, response);
  }

  /** Removes what this run stored, unless another member's offline copy uses the same file. */
  async function undo(trackId: string, wrote: { audio: boolean; artwork: boolean }): Promise<void> {
    if (!wrote.audio && !wrote.artwork) return;
    const inUse = (await deps.records.countByTrack(trackId).catch(() => 1)) > 0;
    if (inUse) return;
    if (wrote.audio) await deleteEntry(AUDIO_CACHE_NAME, audioCacheKey(trackId));
    if (wrote.artwork) await deleteEntry(OFFLINE_ARTWORK_CACHE_NAME, artworkCacheKey(trackId));
  }

  async function deleteEntry(cacheName: string, key: string): Promise<void> {
    try {
      const deleted = await (await deps.caches.open(cacheName)).delete(key, { ignoreVary: true });
      if (deleted && cacheName === AUDIO_CACHE_NAME) deps.onAudioChanged?.();
    } catch {
      // nothing more we can do now: no row lists the file, and the next claimDevice() deletes it
    }
  }

  async function explain(error: unknown, task: Task): Promise<DownloadFailure> {
    if (error instanceof FailureError) return error.failure;
    if (isQuotaError(error)) {
      await refreshStorage().catch(() => undefined);
      return quotaFailure(task.title, task.totalBytes ?? (task.receivedBytes || null), storage);
    }
    return storageFailure(error);
  }

  // ---- removal --------------------------------------------------------------------------------

  async function remove(trackId: string): Promise<void> {
    cancel(trackId);
    const owner = userId;
    if (owner === null) return;
    await deps.records.delete(owner, trackId);
    if ((await deps.records.countByTrack(trackId)) === 0) {
      await deleteEntry(AUDIO_CACHE_NAME, audioCacheKey(trackId));
      await deleteEntry(OFFLINE_ARTWORK_CACHE_NAME, artworkCacheKey(trackId));
    }
    if (owner !== userId) return;
    const next = new Map(offline);
    next.delete(trackId);
    offline = next;
    emit();
    await refreshStorage();
  }

  async function removeAll(): Promise<void> {
    cancelAll();
    for (const trackId of [...offline.keys()]) await remove(trackId);
  }

  // ---- the owner rule ---------------------------------------------------------------------------

  async function claimDevice(owner: string): Promise<number> {
    await setUser(owner); // another member's running downloads stop here
    const others = await deps.records.listOthers(owner);
    for (const row of others) await deps.records.delete(row.userId, row.trackId);
    const kept = new Set((await deps.records.listByUser(owner)).map((row) => row.trackId));
    // The owner's downloads on their way: their file is stored before their row is written.
    if (userId === owner) for (const trackId of tasks.keys()) kept.add(trackId);
    const audio = await deleteFilesExcept(AUDIO_CACHE_NAME, kept, trackIdOfAudioUrl);
    await deleteFilesExcept(OFFLINE_ARTWORK_CACHE_NAME, kept, trackIdOfArtworkUrl);
    if (audio > 0) deps.onAudioChanged?.();
    if (others.length > 0 || audio > 0) await refreshStorage();
    return others.length;
  }

  /** Deletes every entry of `cacheName` whose track is not in `kept`; resolves to how many. */
  async function deleteFilesExcept(cacheName: string, kept: ReadonlySet<string>, trackIdOf: (url: URL) => string | null): Promise<number> {
    const cache = await deps.caches.open(cacheName);
    let deleted = 0;
    for (const request of await cache.keys()) {
      const trackId = trackIdOf(new URL(request.url));
      if (trackId !== null && kept.has(trackId)) continue;
      if (await cache.delete(request, { ignoreVary: true }).catch(() => false)) deleted += 1;
    }
    return deleted;
  }

  function whenIdle(): Promise<void> {
    if (running === 0 && ![...tasks.values()].some((t) => t.status === 'queued')) return Promise.resolve();
    return new Promise((resolve) => idleWaiters.add(resolve));
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    setUser,
    claimDevice,
    enqueue,
    cancel,
    cancelAll,
    retry,
    dismiss,
    remove,
    removeAll,
    refreshStorage,
    whenIdle,
  };
}

class FailureError extends Error {
  constructor(readonly failure: DownloadFailure) {
    super(failure.message);
    this.name = 'DownloadFailure';
  }
}

function toOfflineTrack(row: OfflineTrackRow): OfflineTrack {
  return { trackId: row.trackId, track: row.track, audioBytes: row.audioBytes, artworkBytes: row.artworkBytes, downloadedAt: row.downloadedAt };
}

function shallowEqual(a: DownloadTask, b: DownloadTask): boolean {
  return (Object.keys(a) as (keyof DownloadTask)[]).every((key) => a[key] === b[key]);
}

export { EMPTY_DOWNLOADS_SNAPSHOT };
