// The console's one IndexedDB database (Dexie). Local-only: nothing here syncs by itself.
// Schema changes go in a NEW `this.version(n + 1).stores({...})` call below the existing ones
// (Dexie keeps every declared version and upgrades in order); never edit a shipped version.
import Dexie, { type Table } from 'dexie';
import type { QueryKey } from '@tanstack/react-query';
import type { Track } from '@/lib/domain/types';

import { CONSOLE_DB_NAME } from './db-name';

export { CONSOLE_DB_NAME };

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

/** A track in a DJ set: a catalogue track and when it went on air (or was added). */
export interface SetTrackRef {
  trackId: string;
  title: string;
  artist: string;
  producerId: string | null;
}

/** A track the DJ added to a live set by hand (it was not picked up from the decks). */
export interface AddedSetEntry extends SetTrackRef {
  /** `added:<uuid>`: also the entry's ref in `removed` / `corrections`. */
  id: string;
  playedAt: number;
}

/** One line of a set as it is sent: assembled from on-air plays and the DJ's edits at the end. */
export interface SetEntry extends SetTrackRef {
  /** The on-air play id, or the added entry's id. */
  ref: string;
  source: 'A' | 'B' | 'player' | 'added';
  playedAt: number;
  corrected: boolean;
}

/**
 * A DJ set (issue #7): started (`live`), logged from on-air plays and the DJ's edits, ended
 * (`pending`: its entries frozen and one outbox entry written in the same transaction), then
 * `synced` when the server recorded it or `failed` when the server refused it (`failure` says why).
 */
export interface DjSetRow {
  id: string;
  userId: string;
  status: 'live' | 'pending' | 'synced' | 'failed';
  startedAt: number;
  endedAt: number | null;
  venue: string;
  city: string;
  country: string;
  /** Edits while live: tracks added by hand, entries removed, entries corrected (by ref). */
  added: AddedSetEntry[];
  removed: string[];
  corrections: Record<string, SetTrackRef>;
  /** The set as sent (null while live). */
  entries: SetEntry[] | null;
  /** The outbox entry (= Idempotency-Key) that delivers it, once ended. */
  outboxId: string | null;
  /** What the server recorded. */
  result: {
    remoteId: string;
    tracksCount: number;
    blackDiamondsAwarded: number;
    skippedTrackIds: string[];
    /** Plays of the DJ's own (or collaborated) tracks: recorded, but no credit (absent on older rows). */
    uncreditedTracks?: number;
    /** Plays of a track already credited to the DJ that UTC day: credited once (absent on older rows). */
    repeatedTracks?: number;
    /** True when the set earned no diamond because one was already earned that UTC day. */
    dailyDiamondLimit?: boolean;
    syncedAt: number;
  } | null;
  /** Why the server refused it (a validation error), shown to the DJ. */
  failure: string | null;
}

/**
 * One durable write waiting for the server (issue #7, lib/offline/outbox). `id` is created at
 * enqueue and sent as the Idempotency-Key; the row is deleted only once the server has applied it.
 */
export interface OutboxRow {
  id: string;
  userId: string;
  /** What it delivers (e.g. 'dj-set'); decides what a delivery changes locally. */
  kind: string;
  /** The local record it delivers (a DJ set id). */
  subjectId: string;
  createdAt: number;
  request: { method: 'POST'; url: string; body: unknown };
  /** pending: to send (backoff permitting); needs-auth: the DJ must sign in; failed: refused. */
  state: 'pending' | 'needs-auth' | 'failed';
  attempts: number;
  /** Epoch ms before which automatic retries leave it alone. */
  nextAttemptAt: number;
  lastAttemptAt: number | null;
  lastStatus: number | null;
  lastError: string | null;
  /** Only where the Web Locks API is missing: who is sending it until when (epoch ms). */
  leaseUntil?: number;
}

/**
 * A member's decks and mini player as they last stood (lib/player/session): restored, paused, after
 * iPadOS reloads the app. One row per member; another member's row is deleted when a member starts
 * the console, and every row at sign-out. `session` is parsed on read (it may come from an older build).
 */
export interface PlayerSessionRow {
  userId: string;
  session: unknown;
  savedAt: number;
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
  playerSessions!: Table<PlayerSessionRow, string>;

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
    // v4 (issue #18): the player's session (decks, queue), one row per member.
    this.version(4).stores({
      playerSessions: 'userId',
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
