// The download manager's public shapes (lib/offline/downloads/manager.ts).
import type { Track } from '@/lib/domain/types';

/** A track the member can play offline: its metadata as downloaded, and what it takes on disk. */
export interface OfflineTrack {
  trackId: string;
  track: Track;
  audioBytes: number;
  artworkBytes: number;
  downloadedAt: number;
}

export type DownloadFailureKind =
  | 'quota' // the browser refused to store more (QuotaExceededError)
  | 'network' // no answer, or the connection dropped mid-file
  | 'auth' // the session ended
  | 'forbidden'
  | 'not_found'
  | 'server' // 5xx, or an answer that is not the whole file
  | 'incomplete' // fewer bytes than announced
  | 'storage'; // Cache Storage / IndexedDB failed otherwise

export interface DownloadFailure {
  kind: DownloadFailureKind;
  /** For the DJ: what happened and what to do. */
  message: string;
}

export type DownloadStatus = 'queued' | 'downloading' | 'saving' | 'failed';

/** One track on its way (or stuck): gone from the list once it is offline or cancelled. */
export interface DownloadTask {
  trackId: string;
  title: string;
  artist: string;
  status: DownloadStatus;
  receivedBytes: number;
  /** From Content-Length; null while unknown. */
  totalBytes: number | null;
  /** 0..1, null when the size is unknown. */
  progress: number | null;
  error: DownloadFailure | null;
}

export interface StorageState {
  /** `navigator.storage.estimate()`; null where unsupported or before the first reading. */
  usage: number | null;
  quota: number | null;
  /** `navigator.storage.persisted()`: exempt from eviction; null where unsupported. */
  persisted: boolean | null;
}

export interface OverallProgress {
  /** Tracks asked for since the queue was last empty (cancelled ones leave it). */
  total: number;
  done: number;
  failed: number;
  /** Queued, downloading or saving. */
  pending: number;
  /** 0..1 over the batch (done tracks count 1, unknown sizes 0); null when nothing was asked. */
  progress: number | null;
}

export interface DownloadsSnapshot {
  userId: string | null;
  /** The member's offline tracks have been read from IndexedDB. */
  loaded: boolean;
  /** Newest first. */
  offline: readonly OfflineTrack[];
  offlineIds: ReadonlySet<string>;
  tasks: readonly DownloadTask[];
  taskById: ReadonlyMap<string, DownloadTask>;
  overall: OverallProgress;
  storage: StorageState;
}

export type Refusal = 'locked' | 'not_approved' | 'no_audio' | 'signed_out';

export interface EnqueueResult {
  queued: string[];
  /** Already offline, or already on its way. */
  skipped: string[];
  refused: Array<{ trackId: string; title: string; reason: Refusal; message: string }>;
}

/** What the caller knows of the member's VIP unlocks (GET /api/vip). */
export interface DownloadAccess {
  unlockedTrackIds: Iterable<string>;
}

/** A snapshot for the server render and before the manager exists (or has loaded). */
export const EMPTY_DOWNLOADS_SNAPSHOT: DownloadsSnapshot = {
  userId: null,
  loaded: false,
  offline: [],
  offlineIds: new Set(),
  tasks: [],
  taskById: new Map(),
  overall: { total: 0, done: 0, failed: 0, pending: 0, progress: null },
  storage: { usage: null, quota: null, persisted: null },
};
