'use client';
import { useRef, type SyntheticEvent } from 'react';
import type { Track } from '@/lib/domain/types';
import { formatDuration } from '@/lib/format/duration';
import styles from './track-detail.module.css';

/**
 * Plays a track. A LOCKED track (VIP, not unlocked by this member) plays only its preview window,
 * and nothing at all when it has none; an unlocked VIP track, or any other, plays in full.
 * `locked` must be true whenever it is not known yet (the caller decides from GET /api/vip).
 * Offline, a downloaded track plays the same way: the worker answers its Range requests.
 */
export function TrackAudio({ track, locked }: { track: Track; locked: boolean }) {
  const audioRef = useRef<HTMLAudioElement>(null);
  const preview = locked ? track.vipPreview : null;

  function keepInsidePreview(event: SyntheticEvent<HTMLAudioElement>) {
    if (!preview) return;
    const audio = event.currentTarget;
    if (audio.currentTime < preview.startSeconds - 0.25) audio.currentTime = preview.startSeconds;
    if (audio.currentTime >= preview.endSeconds) {
      audio.pause();
      audio.currentTime = preview.startSeconds;
    }
  }

  if (locked && !preview) {
    return (
      <p className="muted" data-testid="vip-no-preview">
        This VIP track has no preview: unlock it to listen.
      </p>
    );
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
        onPlay={keepInsidePreview}
        aria-label={`Play ${track.title}`}
        data-testid="track-audio"
        data-locked={locked ? 'true' : 'false'}
      />
      {preview && (
        <p className="muted" data-testid="vip-preview-note">
          VIP preview: {formatDuration(preview.startSeconds)}–{formatDuration(preview.endSeconds)}. Unlock to play it all.
        </p>
      )}
    </div>
  );
}
