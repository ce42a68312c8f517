'use client';
import { useRef, type SyntheticEvent } from 'react';
import type { Track } from '@/lib/domain/types';
import { formatDuration } from '@/lib/format/duration';
import styles from './track-detail.module.css';

/**
 * Plays a track; a VIP track plays only its preview window (the full player and the unlock flow
 * keep the same rule).
 */
export function TrackAudio({ track }: { track: Track }) {
  const audioRef = useRef<HTMLAudioElement>(null);
  const preview = track.isVip ? track.vipPreview : null;

  function keepInsidePreview(event: SyntheticEvent<HTMLAudioElement>) {
    if (!preview) return;
    const audio = event.currentTarget;
    if (audio.currentTime < preview.startSeconds - 0.25) audio.currentTime = preview.startSeconds;
    if (audio.currentTime >= preview.endSeconds) {
      audio.pause();
      audio.currentTime = preview.startSeconds;
    }
  }

  return (
    <div className={styles.audio}>
      <audio
        ref={audioRef}
        controls
        preload="metadata"
        crossOrigin="use-credentials"
        src={track.audioUrl ?? undefined}
        onLoadedMetadata={keepInsidePreview}
        onTimeUpdate={keepInsidePreview}
        onSeeking={keepInsidePreview}
        aria-label={`Play ${track.title}`}
      />
      {preview && (
        <p className="muted">
          VIP preview: {formatDuration(preview.startSeconds)}–{formatDuration(preview.endSeconds)}
        </p>
      )}
    </div>
  );
}
