'use client';
import { useRouter } from 'next/navigation';
import type { Track } from '@/lib/domain/types';
import { formatDuration } from '@/lib/format/duration';
import { player } from '@/lib/player/store';
import { toPlayerTrack } from '@/lib/player/track';
import type { DeckId } from '@/lib/player/types';
import { PlayTrackButton } from '@/components/player/play-track-button';
import styles from './track-detail.module.css';

/**
 * Plays a track in the mini player, or loads it on a deck. A LOCKED track (VIP, not unlocked by
 * this member) plays only its preview window, on every path (the engine enforces it), and nothing
 * at all when it has none. `locked` must be true whenever it is not known yet.
 * Offline, a downloaded track plays the same way: the worker answers its Range requests.
 */
export function TrackAudio({ track, locked }: { track: Track; locked: boolean }) {
  const router = useRouter();
  const playable = toPlayerTrack(track, locked);
  const preview = locked ? track.vipPreview : null;

  if (!playable) {
    return (
      <p className="muted" data-testid="vip-no-preview">
        This VIP track has no preview: unlock it to listen.
      </p>
    );
  }

  const load = (deck: DeckId) => {
    player.loadDeck(deck, playable);
    router.push('/console');
  };

  return (
    <div className={styles.audio} data-testid="track-audio" data-locked={locked ? 'true' : 'false'} data-src={playable.audioUrl}>
      <div className={styles.audioActions}>
        <PlayTrackButton track={playable} title={track.title} />
        <button type="button" className="button" onClick={() => load('A')} data-testid="load-deck-A">Load on deck A</button>
        <button type="button" className="button" onClick={() => load('B')} data-testid="load-deck-B">Load on deck B</button>
      </div>
      {preview && (
        <p className="muted" data-testid="vip-preview-note">
          VIP preview: {formatDuration(preview.startSeconds)}–{formatDuration(preview.endSeconds)}. Unlock to play it all.
        </p>
      )}
    </div>
  );
}
