'use client';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import type { Track } from '@/lib/domain/types';
import { useDownloadManager, useDownloads } from '@/lib/offline/downloads/use-downloads';
import {
  readPlaylistOrigins, tracksToRemove, withoutPlaylist, withPlaylistTracks, writePlaylistOrigins,
} from '@/lib/offline/downloads/playlist-origins';
import { findCachedTrack, trackDetailOptions } from '@/lib/query/tracks';
import { vipOptions } from '@/lib/query/vip';
import { isLockedVip } from '@/lib/query/vip-unlock';
import styles from './downloads.module.css';

const ConfirmDialog = lazy(() => import('@/components/ui/confirm-dialog').then((m) => ({ default: m.ConfirmDialog })));
const MB = 1024 * 1024;
const tracksWord = (n: number) => (n === 1 ? '1 track' : `${n} tracks`);

/**
 * "Download playlist": every track of the playlist that may be kept offline (locked VIP tracks are
 * skipped and said so), through the same queue. Progress is counted in tracks (done of total, the
 * bar too); once all are kept: "Available offline · N tracks" and "Remove download", which removes
 * (after a confirmation) what this playlist's download brought and nothing another one needs
 * (lib/offline/downloads/playlist-origins.ts).
 */
export function DownloadPlaylistButton({ playlistId, trackIds }: { playlistId: string; trackIds: string[] }) {
  const queryClient = useQueryClient();
  const manager = useDownloadManager();
  const downloads = useDownloads();
  const vip = useQuery(vipOptions());
  const details = useQueries({ queries: trackIds.map((id) => trackDetailOptions(id, findCachedTrack(queryClient, id))) });
  const [note, setNote] = useState<string | null>(null);
  const [removal, setRemoval] = useState<{ ids: string[]; bytes: number } | null>(null);
  const [removing, setRemoving] = useState(false);

  const tracks = details.map((q) => q.data).filter((t): t is Track => t !== undefined);
  const unique = [...new Map(tracks.map((t) => [t.id, t])).values()];
  const locked = unique.filter((t) => isLockedVip(t, vip.data));
  const eligible = unique.filter((t) => !isLockedVip(t, vip.data) && t.status === 'approved' && t.audioUrl);
  const offline = eligible.filter((t) => downloads.offlineIds.has(t.id));
  const tasks = eligible.map((t) => downloads.taskById.get(t.id)).filter((t) => t !== undefined);
  const running = tasks.filter((t) => t.status !== 'failed');
  const failed = tasks.filter((t) => t.status === 'failed');
  const remaining = eligible.filter((t) => !downloads.offlineIds.has(t.id) && !downloads.taskById.get(t.id));

  const userId = downloads.userId;
  if (!manager || trackIds.length === 0) return null;
  const loading = details.some((q) => q.isPending && q.isFetching) || (unique.some((t) => t.isVip) && vip.isPending && vip.isFetching);
  const complete = eligible.length > 0 && offline.length === eligible.length;
  const removable = userId ? tracksToRemove(readPlaylistOrigins(userId), playlistId, downloads.offlineIds) : [];

  function start() {
    const result = manager!.enqueue(remaining, { unlockedTrackIds: vip.data?.unlockedTrackIds ?? [] });
    for (const task of failed) manager!.retry(task.trackId);
    if (userId) writePlaylistOrigins(userId, withPlaylistTracks(readPlaylistOrigins(userId), playlistId, [...result.queued, ...failed.map((t) => t.trackId)]));
    const skipped = locked.length + result.refused.length;
    setNote(skipped > 0 ? `${skipped} track${skipped === 1 ? '' : 's'} skipped: locked VIP tracks must be unlocked first.` : null);
  }

  function askRemoval() {
    const ids = new Set(removable);
    const bytes = downloads.offline.filter((t) => ids.has(t.trackId)).reduce((sum, t) => sum + t.audioBytes + t.artworkBytes, 0);
    setRemoval({ ids: removable, bytes });
  }

  async function remove() {
    if (!removal || !userId) return;
    setRemoving(true);
    for (const id of removal.ids) await manager!.remove(id).catch((error: unknown) => console.warn('[downloads] could not remove', id, error));
    writePlaylistOrigins(userId, withoutPlaylist(readPlaylistOrigins(userId), playlistId));
    setRemoving(false);
    setRemoval(null);
  }

  const lockedNote = locked.length > 0 ? `${locked.length} locked VIP track${locked.length === 1 ? '' : 's'} will not be downloaded.` : null;
  return (
    <div className={styles.download} data-testid="playlist-download" data-state={complete ? 'offline' : running.length > 0 ? 'downloading' : 'none'}>
      <div className={styles.downloadRow}>
        {complete ? (
          <span className={styles.done} data-testid="playlist-offline">✓ Available offline · {tracksWord(offline.length)}</span>
        ) : (
          <button
            type="button"
            className="button"
            onClick={start}
            disabled={loading || (remaining.length === 0 && failed.length === 0)}
            data-testid="download-playlist"
          >
            ⤓ {offline.length > 0 && running.length === 0 ? `Download the other ${tracksWord(remaining.length + failed.length)}` : 'Download playlist'}
          </button>
        )}
        {running.length > 0 && (
          <button type="button" className="button button-ghost" onClick={() => running.forEach((t) => manager.cancel(t.trackId))}>
            Cancel
          </button>
        )}
        {!complete && eligible.length > 0 && (running.length > 0 || offline.length > 0) && (
          <span className={styles.progress}>
            <progress className={styles.bar} max={eligible.length} value={offline.length} aria-label="Tracks of the playlist available offline" />
            <span className={styles.percent} data-testid="playlist-download-progress" aria-live="polite">
              {offline.length} of {tracksWord(eligible.length)}
            </span>
          </span>
        )}
        {removable.length > 0 && running.length === 0 && (
          <button type="button" className="button button-ghost" onClick={askRemoval} data-testid="remove-playlist-download">
            Remove download
          </button>
        )}
      </div>
      {failed.length > 0 && (
        <p className={styles.failure} role="alert">
          {failed.length} download{failed.length === 1 ? '' : 's'} failed: {failed[0]!.error?.message}
        </p>
      )}
      {(note ?? lockedNote) && <p className={styles.note}>{note ?? lockedNote}</p>}
      {removal && (
        <Suspense>
          <ConfirmDialog
            open
            title="Remove this playlist's download?"
            confirmLabel="Remove download"
            busy={removing}
            onConfirm={() => void remove()}
            onCancel={() => setRemoval(null)}
          >
            <p data-testid="remove-playlist-download-summary">
              {tracksWord(removal.ids.length)} ({(removal.bytes / MB).toFixed(1)} MB) will no longer play offline on this device.
              Tracks you kept on their own or with another playlist stay.
            </p>
          </ConfirmDialog>
        </Suspense>
      )}
    </div>
  );
}
