'use client';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Track } from '@/lib/domain/types';
import { useDownloadManager, useDownloads } from '@/lib/offline/downloads/use-downloads';
import { findCachedTrack, trackDetailOptions } from '@/lib/query/tracks';
import { vipOptions } from '@/lib/query/vip';
import { isLockedVip } from '@/lib/query/vip-unlock';
import styles from './downloads.module.css';

/**
 * "Download playlist": every track of the playlist that may be kept offline (locked VIP tracks are
 * skipped and said so), through the same queue, with the playlist's own progress.
 */
export function DownloadPlaylistButton({ trackIds }: { trackIds: string[] }) {
  const queryClient = useQueryClient();
  const manager = useDownloadManager();
  const downloads = useDownloads();
  const vip = useQuery(vipOptions());
  const details = useQueries({ queries: trackIds.map((id) => trackDetailOptions(id, findCachedTrack(queryClient, id))) });
  const [note, setNote] = useState<string | null>(null);

  const tracks = details.map((q) => q.data).filter((t): t is Track => t !== undefined);
  const unique = [...new Map(tracks.map((t) => [t.id, t])).values()];
  const locked = unique.filter((t) => isLockedVip(t, vip.data));
  const eligible = unique.filter((t) => !isLockedVip(t, vip.data) && t.status === 'approved' && t.audioUrl);
  const offline = eligible.filter((t) => downloads.offlineIds.has(t.id));
  const tasks = eligible.map((t) => downloads.taskById.get(t.id)).filter((t) => t !== undefined);
  const running = tasks.filter((t) => t.status !== 'failed');
  const failed = tasks.filter((t) => t.status === 'failed');
  const remaining = eligible.filter((t) => !downloads.offlineIds.has(t.id) && !downloads.taskById.get(t.id));

  if (!manager || trackIds.length === 0) return null;
  const loading = details.some((q) => q.isPending && q.isFetching) || (unique.some((t) => t.isVip) && vip.isPending && vip.isFetching);
  const progress =
    eligible.length === 0 ? null : (offline.length + running.reduce((sum, t) => sum + (t.progress ?? 0), 0)) / eligible.length;

  function start() {
    const result = manager!.enqueue(eligible, { unlockedTrackIds: vip.data?.unlockedTrackIds ?? [] });
    for (const task of failed) manager!.retry(task.trackId);
    const skipped = locked.length + result.refused.length;
    setNote(skipped > 0 ? `${skipped} track${skipped === 1 ? '' : 's'} skipped: locked VIP tracks must be unlocked first.` : null);
  }

  return (
    <div className={styles.download} data-testid="playlist-download">
      <div className={styles.downloadRow}>
        <button
          type="button"
          className="button"
          onClick={start}
          disabled={loading || (remaining.length === 0 && failed.length === 0)}
          data-testid="download-playlist"
        >
          ⤓ {offline.length > 0 && offline.length === eligible.length ? 'Playlist available offline' : 'Download playlist'}
        </button>
        {running.length > 0 && (
          <button type="button" className="button button-ghost" onClick={() => running.forEach((t) => manager.cancel(t.trackId))}>
            Cancel
          </button>
        )}
        {progress !== null && (running.length > 0 || offline.length > 0) && (
          <span className={styles.progress}>
            <progress className={styles.bar} max={100} value={Math.round(progress * 100)} aria-label="Playlist download" />
            <span className={styles.percent} data-testid="playlist-download-progress" aria-live="polite">
              {Math.round(progress * 100)} % · {offline.length} of {eligible.length} offline
            </span>
          </span>
        )}
      </div>
      {failed.length > 0 && (
        <p className={styles.failure} role="alert">
          {failed.length} download{failed.length === 1 ? '' : 's'} failed: {failed[0]!.error?.message}
        </p>
      )}
      {(note ?? (locked.length > 0 ? `${locked.length} locked VIP track${locked.length === 1 ? '' : 's'} will not be downloaded.` : null)) && (
        <p className={styles.note}>{note ?? `${locked.length} locked VIP track${locked.length === 1 ? '' : 's'} will not be downloaded.`}</p>
      )}
    </div>
  );
}
