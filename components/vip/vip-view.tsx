'use client';
import { useQuery } from '@tanstack/react-query';
import { memo, useDeferredValue, useMemo } from 'react';
import type { Track } from '@/lib/domain/types';
import { vipOptions, type VipOverview } from '@/lib/query/vip';
import { formatDuration } from '@/lib/format/duration';
import { IntentLink } from '@/components/layout/intent-link';
import { TrackArtwork } from '@/components/tracks/track-artwork';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { DownloadButton } from '@/components/downloads/download-button';
import { OfflineBadge } from '@/components/downloads/offline-badge';
import { useBindDownloadsToMember } from '@/lib/offline/downloads/use-downloads';
import { useRenderCount } from '@/lib/perf/render-count';
import { useHydrated } from '@/lib/perf/use-hydrated';
import { DiamondIcon } from './diamond-icon';
import { UnlockButton } from './unlock-button';
import styles from './vip.module.css';

/**
 * VIP tracks, which ones this member unlocked, and their Black Diamond balance. A locked track
 * plays its preview window and offers "Unlock · 1 ◆"; an unlocked one plays in full and can be
 * kept offline. The heading, the balance's box and the intro are on the server-rendered page: only
 * the numbers and the cards arrive with the data (no layout shift, an early paint).
 */
export function VipView({ serverOverview }: { serverOverview?: { data: VipOverview; updatedAt: number } }) {
  useBindDownloadsToMember();
  // Read on the server for a document load (a reload): the cards are in the HTML at once.
  const vip = useQuery({ ...vipOptions(), initialData: serverOverview?.data, initialDataUpdatedAt: serverOverview?.updatedAt });
  const hydrated = useHydrated();
  // The cards render as a deferred update: in slices that yield to taps, not in one long task.
  const overview = useDeferredValue(vip.data);
  const blackDiamonds = vip.data?.blackDiamonds;
  return (
    <section className={styles.page} aria-labelledby="vip-title" data-app-ready={overview && hydrated ? 'true' : undefined}>
      <div className={styles.heading}>
        <h1 id="vip-title">VIP</h1>
        {blackDiamonds === undefined ? (
          <p className={styles.balance} aria-hidden="true">
            <DiamondIcon className={styles.diamond} />
            <strong>–</strong> Black Diamonds
          </p>
        ) : (
          <p className={styles.balance} data-testid="diamond-balance">
            <DiamondIcon className={styles.diamond} />
            <strong>{blackDiamonds}</strong> Black Diamond{blackDiamonds === 1 ? '' : 's'}
          </p>
        )}
      </div>
      <p className={styles.intro}>
        VIP tracks play a preview window until unlocked. Unlocking a track costs 1 Black Diamond, once: it then plays in
        full and can be kept offline. You earn Black Diamonds with validated DJ sets.
      </p>
      {vip.isError ? (
        <ErrorState error={vip.error} onRetry={() => void vip.refetch()} />
      ) : overview ? (
        <VipTracks overview={overview} />
      ) : (
        <LoadingState>Loading VIP tracks…</LoadingState>
      )}
    </section>
  );
}

/** Cards whose covers are on an iPad's first screen (the page's largest paint): fetched at once. */
const FIRST_SCREEN_CARDS = 4;

const VipTracks = memo(function VipTracks({ overview }: { overview: VipOverview }) {
  useRenderCount('vip-tracks');
  const { tracks, unlockedTrackIds, blackDiamonds } = overview;
  const unlocked = useMemo(() => new Set(unlockedTrackIds), [unlockedTrackIds]);
  if (tracks.length === 0) {
    return (
      <EmptyState title="No VIP track yet">
        <p>Producers request VIP status for their best promos; they appear here once approved.</p>
      </EmptyState>
    );
  }
  return (
    <ul className={styles.grid} aria-label="VIP tracks">
      {tracks.map((track, index) => (
        <VipCard key={track.id} track={track} isUnlocked={unlocked.has(track.id)} balance={blackDiamonds} firstScreen={index < FIRST_SCREEN_CARDS} />
      ))}
    </ul>
  );
});

/** One card: re-renders when its own track, lock or the balance it offers to spend changes. */
const VipCard = memo(function VipCard({ track, isUnlocked, balance, firstScreen }: { track: Track; isUnlocked: boolean; balance: number; firstScreen: boolean }) {
  return (
    <li className={styles.card} data-testid="vip-track" data-track-id={track.id}>
      <IntentLink href={`/tracks/${track.id}`}>
        <span className={styles.art}>
          <TrackArtwork url={track.artworkUrl} title={track.title} size={200} priority={firstScreen} />
        </span>
        <span className={styles.title}>{track.title}</span>
        <span className={styles.artist}>{track.artist} · {track.genre}</span>
      </IntentLink>
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
            <UnlockButton track={track} balance={balance} />
          </>
        )}
      </div>
    </li>
  );
});
