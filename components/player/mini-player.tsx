'use client';
import { useEffect } from 'react';
import { usePathname } from 'next/navigation';
import { formatDuration } from '@/lib/format/duration';
import { getPlayerState, keepPlayerSession, player, preloadPlayer, setPlayerUser, usePlayer, usePlayerSelector } from '@/lib/player/store';
import { IntentLink } from '@/components/layout/intent-link';
import { isTypingTarget } from './typing-target';
import type { DeckId } from '@/lib/player/types';
import { artworkVariantUrl } from '@/lib/domain/artwork';
import { NextIcon, PauseIcon, PlayIcon, PreviousIcon, RepeatIcon, ShuffleIcon, VolumeIcon } from './icons';
import styles from './player.module.css';

/** A loaded deck's title; selects primitives so the decks' position ticks do not re-render it. */
function DeckChip({ deck }: { deck: DeckId }) {
  const title = usePlayerSelector((s) => s.decks[deck].track?.title ?? null);
  const isPlaying = usePlayerSelector((s) => s.decks[deck].isPlaying);
  if (title === null) return null;
  return (
    <IntentLink href="/console" className={styles.deckChip} data-testid={`mini-deck-${deck}`} data-playing={isPlaying ? 'true' : 'false'}>
      <span className={styles.deckLetter}>{deck}</span>
      <span className={styles.deckTitle}>{isPlaying ? '▶ ' : ''}{title}</span>
    </IntentLink>
  );
}

/** Space plays / pauses the mini player (the decks view has its own keys). */
function usePlayerKeys(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.code !== 'Space' || event.metaKey || event.ctrlKey || event.altKey) return;
      if (isTypingTarget(event.target) || document.querySelector('[data-decks]')) return;
      if (!getPlayerState().player.track) return;
      event.preventDefault();
      player.togglePlayPause();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** The player that follows the DJ across every console screen (fixed at the bottom). */
export function MiniPlayer({ userId }: { userId: string }) {
  useEffect(() => setPlayerUser(userId), [userId]);
  // The engine is ready before the first tap on ▶, prepared after start-up in small tasks.
  useEffect(preloadPlayer, []);
  // iPadOS reloads a home-screen app it kept in the background: the decks and queue come back, paused.
  useEffect(() => keepPlayerSession(userId), [userId]);
  usePlayerKeys();
  const p = usePlayer();
  const onDecks = usePathname() === '/console';
  const decksLoaded = usePlayerSelector((s) => s.decks.A.track !== null || s.decks.B.track !== null);
  const track = p.currentTrack;
  if (!track && !decksLoaded) return null;
  const start = track?.preview?.startSeconds ?? 0;
  const end = track?.preview ? track.preview.endSeconds : p.duration || track?.durationSeconds || 0;
  const repeatLabel = { off: 'Repeat: off', all: 'Repeat: all', one: 'Repeat: this track' }[p.queue.repeat];
  return (
    <>
      <div className={styles.room} aria-hidden="true" data-testid="mini-player-room" data-on-decks={onDecks} />
      <section
        className={styles.mini}
        aria-label="Player"
        data-testid="mini-player"
        data-on-decks={onDecks}
        data-track-id={track?.id ?? ''}
        data-playing={p.isPlaying ? 'true' : 'false'}
        data-status={p.status}
        data-position={p.playbackPosition.toFixed(2)}
        data-duration={p.duration.toFixed(2)}
        data-queue-length={p.queue.tracks.length}
        data-on-air={p.onAir ? 'true' : 'false'}
      >
        {track ? (
          <>
            <div className={styles.nowPlaying}>
              {/* eslint-disable-next-line @next/next/no-img-element */}
              {track.artworkUrl ? <img src={artworkVariantUrl(track.artworkUrl, 88)} alt="" width={44} height={44} className={styles.cover} /> : <span className={styles.cover} />}
              <span className={styles.meta}>
                <span className={styles.title} data-testid="mini-title">{track.title}</span>
                <span className={styles.artist}>
                  {track.artist}
                  {track.preview && <span className="chip chip-vip" data-testid="mini-preview">Preview</span>}
                </span>
              </span>
            </div>
            <div className={styles.transport}>
              <button type="button" className={styles.iconButton} aria-label="Shuffle" aria-pressed={p.queue.shuffle} onClick={() => player.setShuffle(!p.queue.shuffle)}>
                <ShuffleIcon />
              </button>
              <button type="button" className={styles.iconButton} aria-label="Previous track" onClick={() => player.previous()} data-testid="mini-previous">
                <PreviousIcon />
              </button>
              <button
                type="button"
                className={`${styles.roundButton} ${styles.big}`}
                aria-label={p.isPlaying ? 'Pause' : 'Play'}
                onClick={() => player.togglePlayPause()}
                data-testid="mini-toggle"
              >
                {p.isPlaying ? <PauseIcon /> : <PlayIcon />}
              </button>
              <button type="button" className={styles.iconButton} aria-label="Next track" onClick={() => player.next()} data-testid="mini-next">
                <NextIcon />
              </button>
              <button
                type="button"
                className={styles.iconButton}
                aria-label={repeatLabel}
                title={repeatLabel}
                aria-pressed={p.queue.repeat !== 'off'}
                data-repeat={p.queue.repeat}
                onClick={() => player.cycleRepeat()}
              >
                <RepeatIcon />
                {p.queue.repeat === 'one' && <span className={styles.badge}>1</span>}
              </button>
            </div>
            <div className={styles.seek}>
              <span className={styles.time}>{formatDuration(Math.max(0, p.playbackPosition))}</span>
              <input
                type="range"
                min={start}
                max={Math.max(end, start + 1)}
                step={0.1}
                value={Math.min(Math.max(p.playbackPosition, start), Math.max(end, start + 1))}
                onChange={(event) => player.seekTo(Number(event.currentTarget.value))}
                aria-label="Seek"
                aria-valuetext={`${formatDuration(p.playbackPosition)} of ${formatDuration(end)}`}
                data-testid="mini-seek"
              />
              <span className={styles.time}>{formatDuration(end)}</span>
            </div>
            <label className={styles.volume}>
              <VolumeIcon />
              <input type="range" min={0} max={1} step={0.01} value={p.volume} onChange={(event) => player.setVolume(Number(event.currentTarget.value))} aria-label="Volume" />
            </label>
            {p.error && <p className={styles.error} role="status" data-testid="mini-error">{p.error}</p>}
          </>
        ) : (
          <p className={styles.idle}>Decks loaded</p>
        )}
        <div className={styles.decks}>
          <DeckChip deck="A" />
          <DeckChip deck="B" />
        </div>
      </section>
    </>
  );
}
