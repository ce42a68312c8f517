// What the player and the decks work with. DOM-free: the engine and its tests never touch a browser.

export type DeckId = 'A' | 'B';
/** The mini player (listening, queue) and the two decks (the mix). */
export type ChannelId = 'player' | DeckId;
export const DECK_IDS: readonly DeckId[] = ['A', 'B'];

export interface PlayWindow {
  startSeconds: number;
  /** Infinity when the whole track plays. */
  endSeconds: number;
}

/** A track as the player sees it: what it shows, where the audio is, and what may be played. */
export interface PlayerTrack {
  id: string;
  title: string;
  artist: string;
  producerId: string | null;
  audioUrl: string;
  artworkUrl: string | null;
  bpm: number | null;
  key: string | null;
  durationSeconds: number | null;
  /** Set for a locked VIP track (VIP, not unlocked by this DJ): only this window ever plays. */
  preview: { startSeconds: number; endSeconds: number } | null;
}

export type RepeatMode = 'off' | 'all' | 'one';

export type ChannelStatus = 'empty' | 'loading' | 'ready' | 'playing' | 'paused' | 'error';

export interface ChannelState {
  track: PlayerTrack | null;
  status: ChannelStatus;
  isPlaying: boolean;
  /** Seconds from the start of the file. */
  position: number;
  /** Seconds; 0 until known. */
  duration: number;
  error: string | null;
  /** Audible time of the current play (ms), for the on-air rule. */
  audibleMs: number;
  /** True once the current play has been logged as on air. */
  onAir: boolean;
}

export interface QueueState {
  tracks: PlayerTrack[];
  /** Index in `tracks` of the current one; -1 when empty. */
  index: number;
  shuffle: boolean;
  repeat: RepeatMode;
  /** Play order (indexes into tracks): identity, or a shuffled permutation. */
  order: number[];
}

export interface PlayerChannelState extends ChannelState {
  queue: QueueState;
  /** 0..1, applied by a Web Audio gain node. */
  volume: number;
}

export interface DeckState extends ChannelState {
  cuePoint: number | null;
  /** Four slots, seconds or null. */
  hotCues: Array<number | null>;
  /** -0.08..0.08 (±8 %). */
  tempo: number;
  keyLock: boolean;
  /** Channel fader 0..1. */
  gain: number;
  /** What the deck's gain node is set to: fader × crossfader share. */
  outputGain: number;
}

export type AudioStatus = 'idle' | 'running' | 'suspended' | 'unavailable';

export interface PlayerState {
  player: PlayerChannelState;
  decks: Record<DeckId, DeckState>;
  /** 0 = all deck A, 1 = all deck B. */
  crossfader: number;
  audio: AudioStatus;
  keyLockSupported: boolean;
}
