'use client';
import type { CSSProperties } from 'react';
import type { Track } from '@/lib/domain/types';
import { loadDownloadManager } from '@/lib/offline/downloads/browser';
import { useDownloadState, useDownloadTask } from '@/lib/offline/downloads/use-downloads';
import { useConnectivity } from '@/lib/offline/use-connectivity';
import styles from './downloads.module.css';

/**
 * "Make available offline" on a track row, touch-sized: ⤓, then a ring filling with the download
 * (tap: cancel), then ✓; a failure offers a retry. Its own subscriptions re-render this button
 * only, never the list around it. Absent where the track cannot be kept (`downloadable` false: a
 * locked VIP track, one without audio) and, for a track not kept, with no network.
 */
export function RowDownloadButton({ track, downloadable }: { track: Track; downloadable: boolean }) {
  const state = useDownloadState(track.id);
  const task = useDownloadTask(track.id);
  const { online } = useConnectivity();

  if (state === 'downloaded') {
    return (
      <span className={`${styles.rowDownload} ${styles.rowDone}`} role="img" aria-label={`${track.title} is available offline`} title="Available offline" data-testid="row-download" data-state="offline">
        <CheckIcon />
      </span>
    );
  }
  if (task?.status === 'failed') {
    return (
      <button
        type="button"
        className={`${styles.rowDownload} ${styles.rowFailed}`}
        aria-label={`${task.error?.message ?? 'The download failed.'} Retry ${track.title}`}
        title={task.error?.message ?? 'The download failed: tap to retry'}
        data-testid="row-download"
        data-state="failed"
        onClick={() => void loadDownloadManager().then((manager) => manager?.retry(track.id))}
      >
        ↻
      </button>
    );
  }
  if (task) {
    const percent = task.status === 'saving' ? 100 : Math.round((task.progress ?? 0) * 100);
    const label = task.status === 'queued' ? 'waiting' : `${percent} %`;
    return (
      <button
        type="button"
        className={`${styles.rowDownload} ${styles.rowProgress}`}
        style={{ '--progress': percent / 100 } as CSSProperties}
        aria-label={`Downloading ${track.title}: ${label}. Cancel`}
        title={`Downloading: ${label} (tap to cancel)`}
        data-testid="row-download"
        data-state={task.status}
        data-percent={percent}
        onClick={() => void loadDownloadManager().then((manager) => manager?.cancel(track.id))}
      >
        <span className={styles.rowStop} aria-hidden />
      </button>
    );
  }
  if (!downloadable || !online) return <span className={styles.rowDownloadRoom} aria-hidden />;
  return (
    <button
      type="button"
      className={styles.rowDownload}
      aria-label={`Make ${track.title} available offline`}
      title="Make available offline"
      data-testid="row-download"
      data-state="none"
      onClick={() =>
        void loadDownloadManager().then((manager) =>
          // `downloadable` says the member may play it in full: an unlocked VIP track counts as unlocked.
          manager?.enqueue([track], { unlockedTrackIds: track.isVip ? [track.id] : [] }),
        )
      }
    >
      <DownloadIcon />
    </button>
  );
}

function DownloadIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M12 4v11" />
      <path d="m7 10 5 5 5-5" />
      <path d="M5 20h14" />
    </svg>
  );
}

function CheckIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round">
      <path d="m5 12 5 5 9-10" />
    </svg>
  );
}
