// The console's one IndexedDB database (Dexie). Local-only: nothing here syncs by itself.
// Schema changes go in a NEW `this.version(n + 1).stores({...})` call below the existing ones
// (Dexie keeps every declared version and upgrades in order); never edit a shipped version.
import Dexie, { type Table } from 'dexie';
import type { QueryKey } from '@tanstack/react-query';
import type { Track } from '@/lib/domain/types';

export const CONSOLE_DB_NAME = 'spynners-console';

/**
 * One TanStack query's last good data, as the query persister stores it (see lib/query/persist):
 * only what restoring needs, so a small query costs little more than its data.
 */
export interface PersistedQueryRow {
  /** Whose cache this is: rows are read and cleared per user, so DJs never see each other's data. */
  userId: string;
  queryHash: string;
  queryKey: QueryKey;
  queryType?: 'infinite';
  data: unknown;
  dataUpdatedAt: number;
  dataUpdateCount: number;
  isInvalidated: boolean;
}

/** Per-user bookkeeping of the persisted query client: which build wrote it, and when it began. */
export interface PersistedClientRow {
  userId: string;
  buster: string;
  timestamp: number;
}

/**
 * A track the member made available offline (lib/offline/downloads). The audio itself is in Cache
 * Storage (`spynners-audio-v1`, see lib/pwa/audio-cache.ts), the cover in
 * `spynners-offline-artwork-v1`; this row is what lists and plays it when the query cache is gone.
 * Written only once the whole file is stored.
 */
export interface OfflineTrackRow {
  userId: string;
  trackId: string;
  /** The track as it was when downloaded (title, artist, BPM, key, VIP preview...). */
  track: Track;
  audioBytes: number;
  audioType: string;
  /** 0 when the track has no artwork or it could not be stored. */
  artworkBytes: number;
  downloadedAt: number;
}

export class ConsoleDatabase extends Dexie {
  queryCache!: Table<PersistedQueryRow, [string, string]>;
  queryClients!: Table<PersistedClientRow, string>;
  offlineTracks!: Table<OfflineTrackRow, [string, string]>;

  constructor(name = CONSOLE_DB_NAME) {
    super(name);
    // v1 (issue #4): the TanStack Query cache. The primary key [userId+queryHash] lets one
    // key-range read or delete a user's whole cache without a secondary index.
    this.version(1).stores({
      queryCache: '[userId+queryHash]',
      queryClients: 'userId',
    });
    // v2 (issue #5): downloaded tracks, per user. `trackId` is indexed to know whether another
    // member of this device still needs a shared audio file before deleting it.
    this.version(2).stores({
      offlineTracks: '[userId+trackId], userId, trackId',
    });
  }
}

let shared: ConsoleDatabase | null = null;

/** The browser's shared database instance (opened lazily by Dexie on first use). */
export function consoleDb(): ConsoleDatabase {
  shared ??= new ConsoleDatabase();
  return shared;
}

/**
 * Safari/iPadOS drops IndexedDB connections after backgrounding ("Connection to Indexed Database
 * server lost. Refresh the page to try again", Dexie #1638, #2008); Chromium sometimes closes them
 * in long sessions ("The database connection is closing"). Dexie then rejects with these errors.
 */
export function isLostConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const inner = (error as { inner?: unknown }).inner;
  const text = `${error.name} ${error.message} ${inner instanceof Error ? `${inner.name} ${inner.message}` : ''}`;
  return (
    error.name === Dexie.errnames.DatabaseClosed ||
    /Connection to Indexed Database server lost/i.test(text) ||
    /database connection is closing/i.test(text)
  );
}

/**
 * Runs `work` against `db`; if the connection was lost, closes it (keeping auto-open on), lets Dexie
 * reopen it and runs `work` once more. `work` must be safe to repeat (our writes are idempotent puts
 * and deletes inside one transaction).
 */
export async function withDb<T>(db: Dexie, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isLostConnectionError(error)) throw error;
    db.close({ disableAutoOpen: false });
    await db.open();
    return work();
  }
}
