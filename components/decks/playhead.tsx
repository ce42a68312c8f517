'use client';
import { useEffect, useRef } from 'react';
import { getPlayerState, subscribePlayer } from '@/lib/player/store';
import type { DeckId } from '@/lib/player/types';
import styles from './decks.module.css';

/** How far (seconds) the reported position may be from the running animation before it restarts. */
const DRIFT_SECONDS = 0.25;

const percentOf = (seconds: number, length: number) => Math.min(100, Math.max(0, (seconds / length) * 100));

/**
 * The playhead, moved by the compositor: while the deck plays, one linear animation runs from the
 * position to the end at the deck's rate, restarted only when the deck plays, pauses, jumps (seek,
 * cue, a stall) or changes tempo, never on the 5 Hz position ticks. A transition per tick cost the
 * main thread a style, paint and layerisation pass each time (long tasks during a crossfade).
 */
export function Playhead({ deck, length }: { deck: DeckId; length: number }) {
  const element = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const playhead = element.current;
    if (!playhead || !(length > 0)) return;
    let running: { animation: Animation; from: number; at: number; rate: number } | null = null;
    const stop = () => {
      running?.animation.cancel();
      running = null;
    };
    const sync = () => {
      const { isPlaying, position, tempo } = getPlayerState().decks[deck];
      const rate = 1 + tempo;
      if (isPlaying && running && running.rate === rate) {
        const expected = running.from + ((performance.now() - running.at) / 1000) * rate;
        if (Math.abs(expected - position) < DRIFT_SECONDS) return;
      }
      stop();
      playhead.style.transform = `translateX(${percentOf(position, length)}%)`;
      if (!isPlaying) return;
      const animation = playhead.animate(
        [{ transform: `translateX(${percentOf(position, length)}%)` }, { transform: 'translateX(100%)' }],
        { duration: (Math.max(0, length - position) / rate) * 1000, easing: 'linear', fill: 'forwards' },
      );
      running = { animation, from: position, at: performance.now(), rate };
    };
    sync();
    const unsubscribe = subscribePlayer(sync);
    return () => {
      unsubscribe();
      stop();
    };
  }, [deck, length]);
  return (
    <span ref={element} className={styles.playheadTrack} data-testid={`playhead-${deck}`}>
      <span className={styles.playhead} />
    </span>
  );
}
