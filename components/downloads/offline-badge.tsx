'use client';
import { useIsOffline } from '@/lib/offline/downloads/use-downloads';
import styles from './downloads.module.css';

/** A small "Offline" chip on a track that plays without a network on this device. */
export function OfflineBadge({ trackId, compact = false }: { trackId: string; compact?: boolean }) {
  const offline = useIsOffline(trackId);
  if (!offline) return null;
  return (
    <span className={`chip ${styles.badge} ${compact ? styles.compact : ''}`} data-testid="offline-badge" title="Available offline on this device">
      {compact ? '⤓ Offline' : 'Offline'}
    </span>
  );
}
