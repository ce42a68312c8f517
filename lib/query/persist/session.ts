// Restores a user's persisted query cache into a QueryClient, then keeps IndexedDB in step with it.
import { onlineManager, type QueryCacheNotifyEvent, type QueryClient } from '@tanstack/react-query';
import { consoleDb, type ConsoleDatabase } from '@/lib/offline/db';
import { onIdle } from '@/lib/scheduling/idle';
import { PERSIST_MAX_AGE } from '../durations';
import { QUERY_CACHE_BUSTER } from './buster';
import { restoreInto, saveFrom } from './core';
import { createDexiePersister, deleteAllPersistedQueries } from './dexie-persister';

export interface QueryPersistenceOptions {
  queryClient: QueryClient;
  userId: string;
  db?: ConsoleDatabase;
  buster?: string;
  maxAge?: number;
  /** Changes are written at most this often (trailing), and at once when the page is hidden. */
  throttleMs?: number;
  /** Past this, rendering goes on without the persisted cache (a stuck IndexedDB open on iOS). */
  restoreTimeoutMs?: number;
}

export interface QueryPersistence {
  /** Settles when the persisted cache is in the QueryClient, or restoring failed / timed out. */
  restored: Promise<void>;
  /** Writes pending changes now. */
  flush: () => Promise<void>;
  /** Stops writing; pending changes are dropped. */
  stop: () => void;
}

const active = new Set<{ stop: () => void; queryClient: QueryClient }>();

/** Cache events that can change what is persisted (not fetch starts, observers, failures). */
function changesPersistedState(event: QueryCacheNotifyEvent): boolean {
  if (event.type === 'removed') return true;
  return event.type === 'updated' && ['success', 'setState', 'invalidate'].includes(event.action.type);
}

export function startQueryPersistence({
  queryClient,
  userId,
  db = consoleDb(),
  buster = QUERY_CACHE_BUSTER,
  maxAge = PERSIST_MAX_AGE,
  throttleMs = 1000,
  restoreTimeoutMs = 5000,
}: QueryPersistenceOptions): QueryPersistence {
  const persister = createDexiePersister({ db, userId, maxAge });
  let stopped = false;
  let dirty = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let saving: Promise<void> | null = null;
  let unsubscribe = () => {};

  // persistQueryClientSubscribe would dehydrate and save on every cache event, fetch starts
  // included; we coalesce to one save per throttle window and never run two saves at once.
  const save = async (): Promise<void> => {
    timer = undefined;
    // An idle callback may come due while a flush saves: that save re-arms if more changed.
    if (stopped || !dirty || saving) return;
    dirty = false;
    lastSaveStartedAt = Date.now();
    saving = saveFrom(queryClient, persister, buster).catch(
      (error: unknown) => warn('could not save the query cache', error),
    );
    await saving;
    saving = null;
    if (dirty && !stopped) timer = setTimeout(saveWhenIdle, throttleMs);
  };
  let lastSaveStartedAt = -Infinity;
  // Leading and trailing: the first change after a quiet spell is written at the next idle moment
  // (a full-page navigation right after the library loads must not lose it: pagehide flushes),
  // later ones coalesce. Saves run in idle callbacks, out of the way of rendering and taps.
  const saveWhenIdle = () => void onIdle(() => void save(), throttleMs);
  const schedule = () => {
    dirty = true;
    if (timer || saving || stopped) return;
    const quietFor = Date.now() - lastSaveStartedAt;
    timer = setTimeout(saveWhenIdle, quietFor >= throttleMs ? 0 : throttleMs - quietFor);
  };
  const flush = async () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (saving) await saving;
    await save();
  };
  const onHidden = () => {
    if (document.visibilityState === 'hidden') void flush();
  };
  const onPageHide = () => void flush();

  const restore = restoreInto(queryClient, persister, buster, maxAge)
    .catch((error: unknown) => warn('could not restore the query cache', error))
    .then(() => {
      if (stopped) return;
      // Stale-while-revalidate on open: restored data paints at once, and when the server is
      // reachable every query on screen refreshes in the background, however young its copy is
      // (a write from the last session may not have reached IndexedDB before the page closed).
      if (onlineManager.isOnline()) void queryClient.invalidateQueries({ refetchType: 'none' });
      const stopQueries = queryClient.getQueryCache().subscribe((event) => {
        if (changesPersistedState(event)) schedule();
      });
      // A saved change (profile, playlist, rating) is written at once, not a throttle window later:
      // a reload right after "Saved" must not restore the old copy.
      const stopMutations = queryClient.getMutationCache().subscribe((event) => {
        if (event.type === 'updated' && event.action.type === 'success' && dirty) void flush();
      });
      unsubscribe = () => {
        stopQueries();
        stopMutations();
      };
      if (typeof window !== 'undefined') {
        document.addEventListener('visibilitychange', onHidden);
        window.addEventListener('pagehide', onPageHide);
      }
      // Anything fetched while restoring (or nothing at all) is now written.
      schedule();
    });

  const entry = {
    queryClient,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      unsubscribe();
      if (typeof window !== 'undefined') {
        document.removeEventListener('visibilitychange', onHidden);
        window.removeEventListener('pagehide', onPageHide);
      }
      active.delete(entry);
    },
  };
  active.add(entry);

  let timeout: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<void>((resolve) => {
    timeout = setTimeout(() => {
      warn(`restoring the query cache took over ${restoreTimeoutMs} ms; rendering without it`);
      resolve();
    }, restoreTimeoutMs);
  });
  const restored = Promise.race([restore, timedOut]).finally(() => clearTimeout(timeout));

  return { restored, flush, stop: entry.stop };
}

/**
 * Sign-out: stops every running persistence, empties their QueryClients and deletes every user's
 * persisted queries. Resolves even if IndexedDB fails or hangs (after `timeoutMs`), so sign-out
 * is never blocked; the next sign-in purges other users' rows anyway.
 */
export async function clearPersistedQueryCache({ db = consoleDb(), timeoutMs = 3000 } = {}): Promise<void> {
  for (const entry of [...active]) {
    entry.stop();
    entry.queryClient.clear();
  }
  let timeout: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    deleteAllPersistedQueries(db).catch((error: unknown) => warn('could not clear the query cache', error)),
    new Promise<void>((resolve) => (timeout = setTimeout(resolve, timeoutMs))),
  ]).finally(() => clearTimeout(timeout));
}

function warn(message: string, error?: unknown): void {
  console.warn(`[query-cache] ${message}`, error ?? '');
}
