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

/** A DJ's cue point and four hot cues on one track (issue #6), kept per DJ and offline. */
export interface HotCueRow {
  userId: string;
  trackId: string;
  /** Seconds; null when unset (the deck then cues to the start, or the VIP preview start). */
  cuePoint: number | null;
  /** Exactly four slots, seconds or null. */
  hotCues: Array<number | null>;
  updatedAt: number;
}

/** A track's waveform overview (issue #6), computed once per track and shared by every DJ. */
export interface WaveformRow {
  trackId: string;
  /** Peak amplitudes 0..1, evenly spaced over the whole track. */
  peaks: number[];
  durationSeconds: number;
  computedAt: number;
}

/**
 * One track a DJ really played on air (issue #6 records, issue #7 reads): a deck played it,
 * audible through the crossfader, for at least the on-air threshold. See lib/sessions/on-air-log.ts.
 */
export interface OnAirPlayRow {
  id: string;
  userId: string;
  trackId: string;
  title: string;
  artist: string;
  producerId: string | null;
  /** 'A' | 'B' for the decks, 'player' for the mini player. */
  source: 'A' | 'B' | 'player';
  /** When it became audible (epoch ms). */
  startedAt: number;
  /** How long it was audible in total (ms), updated while it plays. */
  audibleMs: number;
}

/** A DJ set (issue #7): started, logged from on-air plays and edits, ended, then delivered. */
export interface DjSetRow {
  id: string;
  userId: string;
  status: 'live' | 'pending' | 'synced' | 'failed';
  startedAt: number;
  endedAt: number | null;
  [field: string]: unknown;
}

/** One durable write waiting for the server (issue #7). `id` is the Idempotency-Key. */
export interface OutboxRow {
  id: string;
  userId: string;
  kind: string;
  createdAt: number;
  [field: string]: unknown;
}

export class ConsoleDatabase extends Dexie {
  queryCache!: Table<PersistedQueryRow, [string, string]>;
  queryClients!: Table<PersistedClientRow, string>;
  offlineTracks!: Table<OfflineTrackRow, [string, string]>;
  hotCues!: Table<HotCueRow, [string, string]>;
  waveforms!: Table<WaveformRow, string>;
  onAirPlays!: Table<OnAirPlayRow, string>;
  djSets!: Table<DjSetRow, string>;
  outbox!: Table<OutboxRow, string>;

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
    // v3 (issues #6 and #7): the decks' cues and waveforms, on-air plays, DJ sets and the outbox.
    this.version(3).stores({
      hotCues: '[userId+trackId]',
      waveforms: 'trackId',
      onAirPlays: 'id, [userId+startedAt]',
      djSets: 'id, [userId+startedAt], status',
      outbox: 'id, [userId+createdAt]',
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
