'use client';
// The page's one download manager, on the browser's fetch, Cache Storage, IndexedDB and
// navigator.storage. Loaded on demand (its own chunk with Dexie, precached by the worker, so it
// loads offline too): no console page needs it for its first paint. Null on the server and where
// Cache Storage does not exist.
import { afterStartup } from '@/lib/scheduling/after-startup';
import { yieldToMain } from '@/lib/scheduling/idle';
import type { DownloadManager } from './manager';

const INSTANCE = Symbol.for('spynners.downloads.manager');
type Holder = { [INSTANCE]?: DownloadManager };

let loading: Promise<DownloadManager | null> | null = null;
let scheduled = false;
const listeners = new Set<() => void>();

/** The manager if it has loaded, else null (see loadDownloadManager). */
export function loadedDownloadManager(): DownloadManager | null {
  if (typeof window === 'undefined') return null;
  return (window as unknown as Holder)[INSTANCE] ?? null;
}

/** Calls `listener` once the manager has loaded. */
export function onDownloadManagerLoaded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Loads (once) and returns the page's manager. */
export function loadDownloadManager(): Promise<DownloadManager | null> {
  if (typeof window === 'undefined' || typeof caches === 'undefined') return Promise.resolve(null);
  const existing = loadedDownloadManager();
  if (existing) return Promise.resolve(existing);
  loading ??= Promise.all([import('./manager'), import('./records'), import('../db'), import('./worker-notice')]).then(
    async ([{ createDownloadManager }, { dexieRecordStore, memoryRecordStore }, { consoleDb }, { tellWorkerAudioChanged }]) => {
      // The chunk's modules (Dexie among them) were just evaluated: create the manager (and start
      // its first reads) in a task of its own, not in the same long one.
      await yieldToMain();
      const holder = window as unknown as Holder;
      holder[INSTANCE] ??= createDownloadManager({
        fetch: (input, init) => fetch(input, init),
        caches,
        records: typeof indexedDB === 'undefined' ? memoryRecordStore() : dexieRecordStore(consoleDb()),
        storage: typeof navigator !== 'undefined' && navigator.storage ? navigator.storage : null,
        onAudioChanged: tellWorkerAudioChanged,
      });
      for (const listener of listeners) listener();
      return holder[INSTANCE];
    },
    (error: unknown) => {
      loading = null; // a later screen may try again
      console.warn('[downloads] could not load the download manager', error);
      return null;
    },
  );
  return loading;
}


/**
 * Loads the manager once start-up is over (lib/scheduling/after-startup): what only shows the state
 * of downloads (badges, the member binding) does not need it for the first screen. A direct
 * loadDownloadManager() (a tap, the Downloads screen) still loads it at once.
 */
export function loadDownloadManagerAfterStartup(): void {
  if (scheduled || loading || loadedDownloadManager()) return;
  scheduled = true;
  afterStartup(() => loadDownloadManager());
}
