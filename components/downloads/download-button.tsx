'use client';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Track } from '@/lib/domain/types';
import { useDownloadManager, useDownloadTask, useIsOffline } from '@/lib/offline/downloads/use-downloads';
import type { DownloadTask } from '@/lib/offline/downloads/types';
import { vipOptions } from '@/lib/query/vip';
import { isLockedVip } from '@/lib/query/vip-unlock';
import styles from './downloads.module.css';

/**
 * "Make available offline" for one track, then its progress (cancel), its failure (retry) or
 * "Available offline" (remove). Absent for a locked VIP track (and while it is unknown whether
 * the member unlocked it): the manager refuses those anyway.
 */
export function DownloadButton({ track }: { track: Track }) {
  const vip = useQuery({ ...vipOptions(), enabled: track.isVip });
  const manager = useDownloadManager();
  const offline = useIsOffline(track.id);
  const task = useDownloadTask(track.id);
  const [refusal, setRefusal] = useState<string | null>(null);

  if (!manager) return null;
  if (offline) {
    return (
      <div className={styles.downloadRow} data-testid="download-state" data-state="offline">
        <span className={styles.done}>✓ Available offline</span>
        <button type="button" className="button button-ghost" onClick={() => void manager.remove(track.id)}>
          Remove download
        </button>
      </div>
    );
  }
  if (!track.audioUrl || track.status !== 'approved' || isLockedVip(track, vip.data)) return null;
  if (task) return <TaskProgress task={task} onCancel={() => manager.cancel(track.id)} onRetry={() => manager.retry(track.id)} />;
  return (
    <div className={styles.download}>
      <button
        type="button"
        className="button"
        data-testid="download-track"
        onClick={() => {
          const result = manager.enqueue([track], { unlockedTrackIds: vip.data?.unlockedTrackIds ?? [] });
          setRefusal(result.refused[0]?.message ?? null);
        }}
      >
        ⤓ Make available offline
      </button>
      {refusal && <p className={styles.failure} role="alert">{refusal}</p>}
    </div>
  );
}

export function TaskProgress({ task, onCancel, onRetry }: { task: DownloadTask; onCancel: () => void; onRetry: () => void }) {
  if (task.status === 'failed') {
    return (
      <div className={styles.download} data-testid="download-state" data-state="failed">
        <p className={styles.failure} role="alert">{task.error?.message ?? 'The download failed.'}</p>
        <div className={styles.downloadRow}>
          <button type="button" className="button" onClick={onRetry}>Retry</button>
          <button type="button" className="button button-ghost" onClick={onCancel}>Dismiss</button>
        </div>
      </div>
    );
  }
  const percent = task.progress === null ? null : Math.round(task.progress * 100);
  const label = task.status === 'queued' ? 'Waiting…' : task.status === 'saving' ? 'Saving…' : percent === null ? 'Downloading…' : `${percent} %`;
  return (
    <div className={styles.progress} data-testid="download-state" data-state={task.status}>
      <progress
        className={styles.bar}
        max={100}
        value={task.status === 'saving' ? 100 : (percent ?? undefined)}
        aria-label={`Downloading ${task.title}`}
        data-testid="download-progress"
      />
      <span className={styles.percent} aria-live="polite">{label}</span>
      <button type="button" className="button button-ghost" onClick={onCancel} aria-label={`Cancel the download of ${task.title}`}>
        Cancel
      </button>
    </div>
  );
}
