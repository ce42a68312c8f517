'use client';
import { player, usePlayerSelector } from '@/lib/player/store';
import type { PlayerTrack } from '@/lib/player/types';
import { PauseIcon, PlayIcon } from './icons';
import styles from './player.module.css';

/**
 * Plays a track in the mini player (its list as the queue when `queue` is given), or pauses it when
 * it is the one playing. Disabled for a locked VIP track without a preview.
 */
export function PlayTrackButton({ track, title, queue, className }: {
  track: PlayerTrack | null;
  title: string;
  queue?: () => PlayerTrack[];
  className?: string;
}) {
  const current = usePlayerSelector((s) => (track !== null && s.player.track?.id === track.id ? (s.player.isPlaying ? 'playing' : 'loaded') : 'other'));
  const playing = current === 'playing';
  const label = track === null ? `${title}: unlock to listen` : `${playing ? 'Pause' : 'Play'} ${title}`;
  return (
    <button
      type="button"
      className={`${styles.roundButton} ${className ?? ''}`}
      aria-label={label}
      title={label}
      disabled={track === null}
      data-testid="play-track"
      data-playing={playing ? 'true' : 'false'}
      onClick={(event) => {
        event.preventDefault();
        event.stopPropagation();
        if (!track) return;
        if (current === 'other') player.playTrack(track, queue?.());
        else player.togglePlayPause();
      }}
    >
      {playing ? <PauseIcon /> : <PlayIcon />}
    </button>
  );
}
