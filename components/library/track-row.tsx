'use client';
import Link from 'next/link';
import type { CSSProperties } from 'react';
import { ENERGY_LABELS } from '@/lib/domain/enums';
import type { Track } from '@/lib/domain/types';
import { TrackArtwork } from '@/components/tracks/track-artwork';
import { OfflineBadge } from '@/components/downloads/offline-badge';
import { PlayTrackButton } from '@/components/player/play-track-button';
import type { PlayerTrack } from '@/lib/player/types';
import styles from './library.module.css';

export const ROW_HEIGHT = 72;

export interface TrackRowProps {
  track: Track;
  /** 1-based position and total, for screen readers (only a window of rows is mounted). */
  position: number;
  total: number;
  style?: CSSProperties;
  /** Warms the track's detail: called on hover, focus and touchstart. */
  onIntent?: (track: Track) => void;
  /** What the play button plays (null: a locked VIP track without preview), and its queue. */
  play?: { track: PlayerTrack | null; queue: () => PlayerTrack[] };
}

export function TrackRow({ track, position, total, style, onIntent, play }: TrackRowProps) {
  const intent = onIntent ? () => onIntent(track) : undefined;
  return (
    <li style={style} aria-posinset={position} aria-setsize={total} className={styles.item}>
      {play && <PlayTrackButton track={play.track} title={track.title} queue={play.queue} className={styles.play} />}
      <Link
        href={`/tracks/${track.id}`}
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
    </li>
  );
}
