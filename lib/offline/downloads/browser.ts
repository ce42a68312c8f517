'use client';
// The page's one download manager, on the browser's fetch, Cache Storage, IndexedDB and
// navigator.storage. Null on the server and where Cache Storage does not exist.
import { consoleDb } from '../db';
import { createDownloadManager, type DownloadManager } from './manager';
import { dexieRecordStore, memoryRecordStore } from './records';

const INSTANCE = Symbol.for('spynners.downloads.manager');
type Holder = { [INSTANCE]?: DownloadManager };

export function browserDownloadManager(): DownloadManager | null {
  if (typeof window === 'undefined' || typeof caches === 'undefined') return null;
  const holder = window as unknown as Holder;
  holder[INSTANCE] ??= createDownloadManager({
    fetch: (input, init) => fetch(input, init),
    caches,
    records: typeof indexedDB === 'undefined' ? memoryRecordStore() : dexieRecordStore(consoleDb()),
    storage: typeof navigator !== 'undefined' && navigator.storage ? navigator.storage : null,
  });
  return holder[INSTANCE];
}
