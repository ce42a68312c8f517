'use client';
import Link from 'next/link';
import { memo } from 'react';
import { ENERGY_LABELS } from '@/lib/domain/enums';
import type { Track } from '@/lib/domain/types';
import { useRenderCount } from '@/lib/perf/render-count';
import { TrackArtwork } from '@/components/tracks/track-artwork';
import { OfflineBadge } from '@/components/downloads/offline-badge';
import { RowDownloadButton } from '@/components/downloads/row-download-button';
import { PlayTrackButton } from '@/components/player/play-track-button';
import type { PlayerTrack } from '@/lib/player/types';
import styles from './library.module.css';

export const ROW_HEIGHT = 72;

export interface TrackRowProps {
  track: Track;
  /** 0-based position in the list, and the list's length (announced to screen readers: only a window of rows is mounted). */
  index: number;
  total: number;
  /** Where the row sits in the list, in px, and its height. */
  offset: number;
  height: number;
  /** Warms the track's route and detail: called on hover, focus and touchstart. */
  onIntent?: (track: Track) => void;
  /** What the play button plays (null: a locked VIP track without preview); no button without it. */
  playable?: (track: Track) => PlayerTrack | null;
  /** The queue the row's play button starts (the list around `index`, read when tapped). */
  queueAt: (index: number) => PlayerTrack[];
}

/** Memoised: a row renders again only when its own track, place or play rules change. */
export const TrackRow = memo(function TrackRow({ track, index, total, offset, height, onIntent, playable, queueAt }: TrackRowProps) {
  useRenderCount('TrackRow');
  const intent = onIntent ? () => onIntent(track) : undefined;
  const item = playable ? playable(track) : null;
  // Kept offline in full only: a locked VIP track (its preview) or one without audio cannot be.
  const downloadable = item !== null && item.preview === null && track.status === 'approved';
  return (
    <li style={{ transform: `translateY(${offset}px)`, height }} aria-posinset={index + 1} aria-setsize={total} className={styles.item}>
      {playable && <PlayTrackButton track={item} title={track.title} queue={() => queueAt(index)} className={styles.play} />}
      <Link
        href={`/tracks/${track.id}`}
        prefetch={false}
        className={styles.row}
        data-testid="track-row"
        onPointerEnter={intent}
        onFocus={intent}
        onTouchStart={intent}
      >
        <TrackArtwork url={track.artworkUrl} title={track.title} size={52} />
        <span className={styles.titleCell}>
          <span className={styles.title} data-testid="track-title">{track.title}</span>
          <span className={styles.artist}>
            <OfflineBadge trackId={track.id} compact />
            {track.artist}{track.labelName ? ` · ${track.labelName}` : ''}
          </span>
        </span>
        <span className={styles.genre} data-testid="track-genre">{track.genre}</span>
        <span className={styles.metric} title="Tempo" data-testid="track-bpm">{track.bpm ? `${track.bpm} BPM` : '–'}</span>
        <span className={styles.metric} title="Camelot key">{track.key ?? '–'}</span>
        <span className={styles.energy}>{track.energy ? ENERGY_LABELS[track.energy] : ''}</span>
        <span className={`${styles.metric} ${styles.rating}`} title={track.ratingCount ? `${track.ratingCount} ratings` : 'Not rated yet'}>
          {track.averageRating ? `★ ${track.averageRating.toFixed(1)}` : ''}
        </span>
        <span className={styles.vip}>{track.isVip && <span className="chip chip-vip">VIP</span>}</span>
      </Link>
      <RowDownloadButton track={track} downloadable={downloadable} />
    </li>
  );
});
