'use client';
import { memo, useRef, useState } from 'react';
import { formatDuration } from '@/lib/format/duration';
import { TEMPO_RANGE } from '@/lib/player/engine-constants';
import { player, shallowEqual, usePlayerSelector } from '@/lib/player/store';
import type { DeckId, DeckState } from '@/lib/player/types';
import { PauseIcon, PlayIcon } from '@/components/player/icons';
import { useDeckReadings } from './use-deck-readings';
import { Waveform } from './waveform';
import styles from './decks.module.css';

const pct = (tempo: number) => `${tempo > 0 ? '+' : ''}${(tempo * 100).toFixed(1)} %`;

/** What the deck shows, without what ticks while it plays (position, gains, audible time). */
function deckFace(state: DeckState) {
  const { track, status, isPlaying, duration, error, onAir, cuePoint, hotCues, tempo, keyLock, gain } = state;
  return { track, status, isPlaying, duration, error, onAir, cuePoint, hotCues, tempo, keyLock, gain };
}

/**
 * One deck: track, waveform, play / cue, four hot cues, tempo with key lock, channel gain. Memoised,
 * and it re-renders on what it shows: not while it plays (the times, the playhead and the readings
 * follow on their own) nor when the other deck or the crossfader moves.
 */
export const Deck = memo(function Deck({ deck, onUse }: { deck: DeckId; onUse: (deck: DeckId) => void }) {
  const s = usePlayerSelector((state) => deckFace(state.decks[deck]), shallowEqual);
  const keyLockSupported = usePlayerSelector((state) => state.keyLockSupported);
  const element = useRef<HTMLElement>(null);
  useDeckReadings(element, deck);
  // Clear mode: a tap on a set pad clears it (a finger-sized way to clear; no tiny × on a pad's corner).
  const [clearing, setClearing] = useState(false);
  const anySet = s.hotCues.some((cue) => cue !== null);
  const clearMode = clearing && anySet;
  const track = s.track;
  const bpm = track?.bpm ? (track.bpm * (1 + s.tempo)).toFixed(1) : '–';
  const use = () => onUse(deck);
  return (
    <section
      ref={element}
      className={styles.deck}
      aria-label={`Deck ${deck}`}
      data-deck={deck}
      data-testid={`deck-${deck}`}
      data-track-id={track?.id ?? ''}
      data-status={s.status}
      data-playing={s.isPlaying ? 'true' : 'false'}
      data-tempo={s.tempo.toFixed(4)}
      data-cue={s.cuePoint ?? ''}
      data-hot-cues={JSON.stringify(s.hotCues)}
      data-on-air={s.onAir ? 'true' : 'false'}
      onPointerDown={use}
    >
      <header className={styles.deckHead}>
        <span className={styles.letter}>{deck}</span>
        <span className={styles.trackText}>
          <span className={styles.trackTitle} data-testid={`deck-${deck}-title`}>{track?.title ?? 'Empty deck'}</span>
          <span className={styles.trackArtist}>
            {track ? track.artist : 'Load a track from the list below'}
            {track?.preview && <span className="chip chip-vip">Preview only</span>}
            {s.onAir && <span className="chip" data-testid={`deck-${deck}-on-air`}>On air</span>}
          </span>
        </span>
        <span className={styles.readout}>
          <span className={styles.bpm} title="Tempo (BPM, with the tempo fader)">{bpm}<small>BPM</small></span>
          <span className={styles.key} title="Camelot key">{track?.key ?? '–'}</span>
        </span>
      </header>
      <DeckTimes deck={deck} />
      <Waveform deck={deck} track={track} duration={s.duration} onSeek={(seconds) => player.seekTo(seconds, deck)} />
      {s.error && <p className={styles.error} role="status">{s.error}</p>}
      <div className={styles.controls}>
        <div className={styles.transport}>
          <button
            type="button" className={styles.cue} disabled={!track} onClick={() => { use(); player.cue(deck); }}
            title="Cue: paused, sets the cue point here; playing, returns to it" data-testid={`deck-${deck}-cue`}
          >
            CUE
          </button>
          <button
            type="button" className={styles.play} disabled={!track} aria-label={s.isPlaying ? `Pause deck ${deck}` : `Play deck ${deck}`}
            data-playing={s.isPlaying ? 'true' : 'false'} onClick={() => { use(); player.togglePlayPause(deck); }} data-testid={`deck-${deck}-play`}
          >
            {s.isPlaying ? <PauseIcon /> : <PlayIcon />}
          </button>
        </div>
        <div className={styles.pads} role="group" aria-label={`Hot cues, deck ${deck}`} data-clearing={clearMode ? 'true' : 'false'}>
          {s.hotCues.map((cue, slot) => (
            <button
              key={slot} type="button" className={styles.pad} disabled={!track || (clearMode && cue === null)} data-set={cue !== null ? 'true' : 'false'}
              onClick={() => {
                use();
                if (clearMode) player.clearHotCue(deck, slot);
                else player.hotCue(deck, slot);
              }}
              onContextMenu={(event) => { event.preventDefault(); player.clearHotCue(deck, slot); }}
              aria-label={
                cue === null ? `Set hot cue ${slot + 1}` : clearMode ? `Clear hot cue ${slot + 1} at ${formatDuration(cue)}` : `Jump to hot cue ${slot + 1} at ${formatDuration(cue)}`
              }
              data-testid={`deck-${deck}-hot-cue-${slot + 1}`}
            >
              <strong>{slot + 1}</strong>
              <small>{cue === null ? 'set' : clearMode ? 'clear' : formatDuration(cue)}</small>
            </button>
          ))}
          <button
            type="button" className={styles.padMode} disabled={!track || !anySet} aria-pressed={clearMode} aria-label={`Clear mode, deck ${deck}`}
            onClick={() => setClearing(!clearMode)} title="Clear mode: tap a hot cue to clear it (or right-click it, or Shift + its key)"
            data-testid={`deck-${deck}-clear-cues`}
          >
            Clear
          </button>
        </div>
      </div>
      <div className={styles.faders}>
        <label className={styles.fader}>
          <span>Tempo <output data-testid={`deck-${deck}-tempo`}>{pct(s.tempo)}</output></span>
          <input
            type="range" min={-TEMPO_RANGE} max={TEMPO_RANGE} step={0.001} value={s.tempo}
            onChange={(event) => player.setTempo(deck, Number(event.currentTarget.value))}
            onDoubleClick={() => player.setTempo(deck, 0)}
            aria-label={`Tempo, deck ${deck}`} aria-valuetext={pct(s.tempo)}
          />
        </label>
        <button
          type="button" className={styles.toggle} aria-pressed={s.keyLock} disabled={!keyLockSupported}
          title={keyLockSupported ? 'Key lock: tempo changes keep the pitch' : 'This browser cannot keep the pitch'}
          onClick={() => player.setKeyLock(deck, !s.keyLock)}
        >
          Key lock
        </button>
        <label className={styles.fader}>
          <span>Gain <output>{Math.round(s.gain * 100)}</output></span>
          <input
            type="range" min={0} max={1} step={0.01} value={s.gain}
            onChange={(event) => player.setDeckGain(deck, Number(event.currentTarget.value))}
            aria-label={`Gain, deck ${deck}`} data-testid={`deck-${deck}-gain`}
          />
        </label>
      </div>
    </section>
  );
});

/** Elapsed and remaining time: re-renders once a second while the deck plays. */
const DeckTimes = memo(function DeckTimes({ deck }: { deck: DeckId }) {
  const seconds = usePlayerSelector((state) => Math.floor(state.decks[deck].position));
  const end = usePlayerSelector((state) => state.decks[deck].track?.preview?.endSeconds ?? state.decks[deck].duration);
  return (
    <div>
      <div className={styles.times}>
        <span>{formatDuration(seconds)}</span>
        <span>-{formatDuration(Math.max(0, end - seconds))}</span>
      </div>
    </div>
  );
});
