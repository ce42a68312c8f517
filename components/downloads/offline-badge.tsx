'use client';
import { useConnectivity } from '@/lib/offline/use-connectivity';
import { useDownloadState } from '@/lib/offline/downloads/use-downloads';
import styles from './downloads.module.css';

/**
 * A track's offline state, on every track row: "Offline" when it plays without a network on this
 * device; while the console is offline, "Not downloaded" on the others, which dims their row
 * (`[data-unplayable-offline]`, app/globals.css). Nothing while the downloads are not read yet.
 */
export function OfflineBadge({ trackId, compact = false }: { trackId: string; compact?: boolean }) {
  const state = useDownloadState(trackId);
  const { online } = useConnectivity();
  if (state === 'downloaded') {
    return (
      <span className={`chip ${styles.badge} ${compact ? styles.compact : ''}`} data-testid="offline-badge" title="Available offline on this device">
        {compact ? '⤓ Offline' : 'Offline'}
      </span>
    );
  }
  if (online || state === 'unknown') return null;
  return (
    <span
      className={`chip ${styles.missing} ${compact ? styles.compact : ''}`}
      data-testid="not-downloaded"
      data-unplayable-offline=""
      title="Not downloaded: it plays once you are back online"
    >
      Not downloaded
    </span>
  );
}
