// Where the download manager keeps what is offline: rows of the Dexie table `offlineTracks`
// (lib/offline/db.ts), behind a small interface so the manager runs on a memory store in tests.
import type { ConsoleDatabase, OfflineTrackRow } from '../db';
import { withDb } from '../db';

export type { OfflineTrackRow };

export interface DownloadRecordStore {
  listByUser(userId: string): Promise<OfflineTrackRow[]>;
  /** Every other member's rows (the owner rule removes them). */
  listOthers(userId: string): Promise<OfflineTrackRow[]>;
  put(row: OfflineTrackRow): Promise<void>;
  delete(userId: string, trackId: string): Promise<void>;
  /** How many members of this device keep `trackId` offline. */
  countByTrack(trackId: string): Promise<number>;
}

export function dexieRecordStore(db: ConsoleDatabase): DownloadRecordStore {
  return {
    listByUser: (userId) => withDb(db, () => db.offlineTracks.where('userId').equals(userId).toArray()),
    listOthers: (userId) => withDb(db, () => db.offlineTracks.where('userId').notEqual(userId).toArray()),
    put: (row) => withDb(db, async () => void (await db.offlineTracks.put(row))),
    delete: (userId, trackId) => withDb(db, () => db.offlineTracks.delete([userId, trackId])),
    countByTrack: (trackId) => withDb(db, () => db.offlineTracks.where('trackId').equals(trackId).count()),
  };
}

/** For tests, and where IndexedDB cannot be opened (the list then lasts as long as the page). */
export function memoryRecordStore(initial: OfflineTrackRow[] = []): DownloadRecordStore & { rows: Map<string, OfflineTrackRow> } {
  const rows = new Map(initial.map((row) => [`${row.userId}\u0000${row.trackId}`, row]));
  return {
    rows,
    listByUser: async (userId) => [...rows.values()].filter((row) => row.userId === userId),
    listOthers: async (userId) => [...rows.values()].filter((row) => row.userId !== userId),
    put: async (row) => void rows.set(`${row.userId}\u0000${row.trackId}`, row),
    delete: async (userId, trackId) => void rows.delete(`${userId}\u0000${trackId}`),
    countByTrack: async (trackId) => [...rows.values()].filter((row) => row.trackId === trackId).length,
  };
}
