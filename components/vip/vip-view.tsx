'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { vipOptions } from '@/lib/query/vip';
import { formatDuration } from '@/lib/format/duration';
import { TrackArtwork } from '@/components/tracks/track-artwork';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { DownloadButton } from '@/components/downloads/download-button';
import { OfflineBadge } from '@/components/downloads/offline-badge';
import { useBindDownloadsToMember } from '@/lib/offline/downloads/use-downloads';
import { DiamondIcon } from './diamond-icon';
import { UnlockButton } from './unlock-button';
import styles from './vip.module.css';

/**
 * VIP tracks, which ones this member unlocked, and their Black Diamond balance. A locked track
 * plays its preview window and offers "Unlock · 1 ◆"; an unlocked one plays in full and can be
 * kept offline.
 */
export function VipView() {
  useBindDownloadsToMember();
  const vip = useQuery(vipOptions());
  if (vip.isPending) return <LoadingState>Loading VIP tracks…</LoadingState>;
  if (vip.isError) return <ErrorState error={vip.error} onRetry={() => void vip.refetch()} />;
  const { tracks, unlockedTrackIds, blackDiamonds } = vip.data;
  const unlocked = new Set(unlockedTrackIds);
  return (
    <section className={styles.page} aria-labelledby="vip-title" data-app-ready="true">
      <div className={styles.heading}>
        <h1 id="vip-title">VIP</h1>
        <p className={styles.balance} data-testid="diamond-balance">
          <DiamondIcon className={styles.diamond} />
          <strong>{blackDiamonds}</strong> Black Diamond{blackDiamonds === 1 ? '' : 's'}
        </p>
      </div>
      <p className={styles.intro}>
        VIP tracks play a preview window until unlocked. Unlocking a track costs 1 Black Diamond, once: it then plays in
        full and can be kept offline. You earn Black Diamonds with validated DJ sets.
      </p>
      {tracks.length === 0 ? (
        <EmptyState title="No VIP track yet">
          <p>Producers request VIP status for their best promos; they appear here once approved.</p>
        </EmptyState>
      ) : (
        <ul className={styles.grid} aria-label="VIP tracks">
          {tracks.map((track) => {
            const isUnlocked = unlocked.has(track.id);
            return (
              <li key={track.id} className={styles.card} data-testid="vip-track" data-track-id={track.id}>
                <Link href={`/tracks/${track.id}`}>
                  <span className={styles.art}>
                    <TrackArtwork url={track.artworkUrl} title={track.title} size={200} />
                  </span>
                  <span className={styles.title}>{track.title}</span>
                  <span className={styles.artist}>{track.artist} · {track.genre}</span>
                </Link>
                <div className={styles.status}>
                  {isUnlocked ? (
                    <>
                      <span className={`chip ${styles.unlocked}`} data-testid="vip-unlocked">Unlocked</span>
                      <OfflineBadge trackId={track.id} />
                      <DownloadButton track={track} />
                    </>
                  ) : (
                    <>
                      <span className={styles.locked}>
                        {track.vipPreview
                          ? `Preview ${formatDuration(track.vipPreview.startSeconds)}–${formatDuration(track.vipPreview.endSeconds)}`
                          : 'Locked'}
                      </span>
                      <UnlockButton track={track} balance={blackDiamonds} />
                    </>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
