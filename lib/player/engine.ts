// The audio engine: the mini player (with its queue) and decks A and B, over an injected backend.
// DOM-free, so every rule (queue, preview window, crossfader, cues, on-air) is unit-tested in Node.
import type { OnAirPlay } from '@/lib/sessions/on-air-log';
import type { TrackAvailability } from './availability';
import type { AudioBackend, Clock, Voice } from './backend';
import { emptyCues, normaliseHotCues, withCuePoint, withHotCue, type CueStore, type TrackCues } from './hot-cues';
import { TEMPO_RANGE } from './engine-constants';
import { initialPlayerState } from './initial-state';
import { clamp01, deckOutputGain } from './mixer-curve';
import { ON_AIR_MIN_GAIN, OnAirTracker } from './on-air';
import { clampToWindow, isBeforeWindow, isPastWindow, playWindow } from './preview';
import {
  currentTrack, nextIndex, nextRepeatMode, previousIndex, setRepeat, setShuffle, startQueue, withIndex,
} from './queue';
import type { SavedPlayerSession } from './session/saved-session';
import { DECK_IDS, type ChannelId, type ChannelState, type DeckId, type DeckState, type PlayerChannelState, type PlayerState, type PlayerTrack } from './types';

/** How often positions are read and rules applied while something plays. */
export const TICK_MS = 200;
export { TEMPO_RANGE };
/** "Previous" restarts the current track when it has played longer than this. */
export const RESTART_THRESHOLD_SECONDS = 3;

export interface EngineDeps {
  backend: AudioBackend;
  clock: Clock;
  record: (play: OnAirPlay) => Promise<void>;
  cues: CueStore;
  random?: () => number;
  newId?: () => string;
  onError?: (error: unknown) => void;
  /** Whether a track can play now (offline: only downloaded ones); absent: always tried. */
  availability?: TrackAvailability;
}

let idCounter = 0;
const defaultId = () => `${Date.now().toString(36)}-${(idCounter += 1).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

export class PlayerEngine {
  private state: PlayerState;
  private readonly listeners = new Set<() => void>();
  private readonly voices = new Map<ChannelId, Voice>();
  /** Bumped on every load: late callbacks of a replaced voice are ignored. */
  private readonly generation = new Map<ChannelId, number>();
  /** Channels whose play() has not resolved yet. */
  private readonly starting = new Set<ChannelId>();
  private readonly onAir: OnAirTracker;
  private readonly random: () => number;
  private stopTicker: (() => void) | null = null;
  private lastTick = 0;
  private userId: string | null = null;

  constructor(private readonly deps: EngineDeps) {
    this.random = deps.random ?? Math.random;
    this.state = initialPlayerState(deps.backend.keyLockSupported);
    this.onAir = new OnAirTracker({
      record: deps.record,
      wallNow: deps.clock.wallNow,
      newId: deps.newId ?? defaultId,
      userId: () => this.userId,
      onError: deps.onError,
    });
    this.applyGains();
  }

  // ---- store plumbing ----
  getState = (): PlayerState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Whose on-air plays and cues these are (null when signed out: nothing is recorded). */
  setUser(userId: string | null): void {
    this.userId = userId;
  }

  /** Inside a user gesture: create or resume the audio output (iPad). */
  unlock(): void {
    this.deps.backend.unlock();
    this.set({ audio: this.deps.backend.status() });
  }

  /** The output was suspended or resumed by the platform (background, interruption). */
  refreshAudioStatus(): void {
    this.set({ audio: this.deps.backend.status() });
  }

  // ---- the mini player (PlayerContext contract + queue) ----

  /** Plays `track`; with `queue` (which should contain it), that list becomes the queue. */
  playTrack(track: PlayerTrack, queue?: PlayerTrack[]): void {
    const tracks = queue && queue.some((t) => t.id === track.id) ? queue : [track];
    this.playAll(tracks, tracks.findIndex((t) => t.id === track.id));
  }

  playAll(tracks: PlayerTrack[], startIndex = 0): void {
    const queue = startQueue(this.state.player.queue, tracks, startIndex, this.random);
    this.setPlayer({ queue });
    const track = currentTrack(queue);
    if (track) this.load('player', track, true);
  }

  next(): void {
    const index = nextIndex(this.state.player.queue, false);
    if (index !== null) this.playQueueIndex(index);
  }

  previous(): void {
    const { position, track } = this.state.player;
    const start = track ? playWindow(track).startSeconds : 0;
    if (track && position - start > RESTART_THRESHOLD_SECONDS) return this.seekTo(start, 'player');
    const index = previousIndex(this.state.player.queue);
    if (index !== null) this.playQueueIndex(index);
    else if (track) this.seekTo(start, 'player');
  }

  setShuffle(shuffle: boolean): void {
    this.setPlayer({ queue: setShuffle(this.state.player.queue, shuffle, this.random) });
  }

  cycleRepeat(): void {
    const queue = this.state.player.queue;
    this.setPlayer({ queue: setRepeat(queue, nextRepeatMode(queue.repeat)) });
  }

  setVolume(volume: number): void {
    this.setPlayer({ volume: clamp01(volume) });
    this.applyGains();
  }

  togglePlayPause(channel: ChannelId = 'player'): void {
    if (this.channel(channel).isPlaying) this.pause(channel);
    else this.play(channel);
  }

  play(channel: ChannelId = 'player'): void {
    const voice = this.voices.get(channel);
    const { track } = this.channel(channel);
    // A track that was not loaded (it could not play offline) is tried again: the network may be back.
    if (!voice && track) return this.load(channel, track, true);
    if (!voice || !track) return;
    const window = playWindow(track);
    const from = clampToWindow(voice.position(), window);
    if (Math.abs(from - voice.position()) > 0.01) voice.seek(from);
    this.takeAudioFocus(channel);
    const generation = this.generation.get(channel);
    this.starting.add(channel);
    this.patch(channel, { status: 'loading', error: null, position: from });
    voice.play().then(
      () => {
        if (this.generation.get(channel) !== generation) return;
        // Paused (by the DJ, or by the audio focus) while the play was starting: stay paused.
        if (!this.starting.delete(channel)) return voice.pause();
        this.patch(channel, { status: 'playing', isPlaying: true, position: voice.position() });
        this.startTicker();
      },
      (error: unknown) => {
        if (this.generation.get(channel) !== generation) return;
        this.starting.delete(channel);
        this.patch(channel, { status: 'paused', isPlaying: false });
        this.explainFailure(channel, track, playErrorMessage(error), (message) => ({ error: message }));
      },
    );
  }

  /**
   * One audio focus: the mini player (listening) and the decks (the mix) never sound together.
   * Starting a deck pauses the mini player; starting the mini player (play, a track, next, a queue)
   * pauses the playing decks. Both decks play together: that is the mix.
   */
  private takeAudioFocus(channel: ChannelId): void {
    const others: ChannelId[] = channel === 'player' ? ['A', 'B'] : ['player'];
    // A play still starting counts too: it would begin after this one.
    for (const other of others) if (this.channel(other).isPlaying || this.starting.has(other)) this.pause(other);
  }

  pause(channel: ChannelId = 'player'): void {
    const voice = this.voices.get(channel);
    if (!voice) return;
    this.starting.delete(channel);
    voice.pause();
    this.patch(channel, { status: this.channel(channel).track ? 'paused' : 'empty', isPlaying: false, position: voice.position() });
    this.stopTickerIfIdle();
  }

  /** Seeks inside the playable window (a locked VIP track's preview, or the whole track). */
  seekTo(seconds: number, channel: ChannelId = 'player'): void {
    const voice = this.voices.get(channel);
    const { track } = this.channel(channel);
    if (!voice || !track) return;
    const target = clampToWindow(seconds, playWindow(track));
    voice.seek(target);
    this.patch(channel, { position: target });
  }

  // ---- decks ----

  loadDeck(deck: DeckId, track: PlayerTrack): void {
    this.patchDeck(deck, { ...emptyCues(), tempo: this.state.decks[deck].tempo });
    this.load(deck, track, false);
    const userId = this.userId;
    if (!userId) return;
    const generation = this.generation.get(deck);
    this.deps.cues.load(userId, track.id).then(
      (cues) => {
        if (!cues || this.generation.get(deck) !== generation) return;
        this.patchDeck(deck, cues);
        // A stored cue point is where the deck waits until played.
        const { cuePoint } = cues;
        if (cuePoint !== null && !this.state.decks[deck].isPlaying) this.seekTo(cuePoint, deck);
      },
      (error: unknown) => this.deps.onError?.(error),
    );
  }

  /**
   * The CUE button, as on a CDJ: playing → back to the cue point and pause; paused → the cue point
   * is set where the deck stands.
   */
  cue(deck: DeckId): void {
    const state = this.state.decks[deck];
    if (!state.track) return;
    if (state.isPlaying) {
      this.pause(deck);
      this.seekTo(state.cuePoint ?? playWindow(state.track).startSeconds, deck);
    } else {
      this.setCue(deck);
    }
  }

  setCue(deck: DeckId): void {
    const state = this.state.decks[deck];
    if (!state.track) return;
    const at = clampToWindow(this.currentPosition(deck), playWindow(state.track));
    this.saveCues(deck, withCuePoint(state, at));
  }

  /** An empty pad stores the current position; a set pad jumps there (playing or not). */
  hotCue(deck: DeckId, slot: number): void {
    const state = this.state.decks[deck];
    if (!state.track) return;
    const stored = state.hotCues[slot];
    if (stored === undefined) return;
    if (stored === null) {
      const at = clampToWindow(this.currentPosition(deck), playWindow(state.track));
      this.saveCues(deck, withHotCue(state, slot, at));
    } else {
      this.seekTo(stored, deck);
    }
  }

  clearHotCue(deck: DeckId, slot: number): void {
    const state = this.state.decks[deck];
    if (!state.track) return;
    this.saveCues(deck, withHotCue(state, slot, null));
  }

  /** Tempo in -0.08..0.08. */
  setTempo(deck: DeckId, tempo: number): void {
    const value = Math.max(-TEMPO_RANGE, Math.min(TEMPO_RANGE, Number.isFinite(tempo) ? tempo : 0));
    this.patchDeck(deck, { tempo: value });
    this.voices.get(deck)?.setRate(1 + value, this.state.decks[deck].keyLock);
  }

  setKeyLock(deck: DeckId, keyLock: boolean): void {
    this.patchDeck(deck, { keyLock });
    this.voices.get(deck)?.setRate(1 + this.state.decks[deck].tempo, keyLock);
  }

  setDeckGain(deck: DeckId, gain: number): void {
    this.patchDeck(deck, { gain: clamp01(gain) });
    this.applyGains();
  }

  setCrossfader(position: number): void {
    this.set({ crossfader: clamp01(position) });
    this.applyGains();
  }

  /** True while no channel holds a track (nothing the DJ did would be overwritten by a restore). */
  isEmpty(): boolean {
    return this.voices.size === 0 && this.state.player.queue.tracks.length === 0;
  }

  /**
   * Brings back a saved session (lib/player/session): the tracks loaded, paused, each where it
   * stood, with their cues, tempo, key lock, faders, the crossfader and the queue.
   */
  restore(saved: SavedPlayerSession): void {
    for (const deck of DECK_IDS) {
      const { tempo, keyLock, gain } = saved.decks[deck];
      this.patchDeck(deck, { tempo: Math.max(-TEMPO_RANGE, Math.min(TEMPO_RANGE, tempo)), keyLock, gain: clamp01(gain) });
    }
    this.set({ crossfader: clamp01(saved.crossfader) });
    this.setPlayer({ volume: clamp01(saved.player.volume), queue: saved.player.queue });
    this.applyGains();
    for (const deck of DECK_IDS) {
      const { track, position, cuePoint, hotCues } = saved.decks[deck];
      if (!track) continue;
      this.load(deck, track, false);
      this.patchDeck(deck, { cuePoint, hotCues: normaliseHotCues(hotCues) });
      this.seekTo(position, deck);
    }
    const { track, position } = saved.player;
    if (track) {
      this.load('player', track, false);
      this.seekTo(position, 'player');
    }
  }

  /** Stops everything and releases the audio (sign-out, page teardown). */
  dispose(): void {
    for (const channel of [...this.voices.keys()]) this.unloadChannel(channel);
    this.stopTicker?.();
    this.stopTicker = null;
  }

  // ---- internals ----

  private playQueueIndex(index: number): void {
    const queue = withIndex(this.state.player.queue, index);
    this.setPlayer({ queue });
    const track = currentTrack(queue);
    if (track) this.load('player', track, true);
  }

  private load(channel: ChannelId, track: PlayerTrack, autoplay: boolean): void {
    this.unloadChannel(channel);
    const generation = (this.generation.get(channel) ?? 0) + 1;
    this.generation.set(channel, generation);
    const blocked = this.deps.availability?.blockReason(track) ?? null;
    if (blocked) {
      // Known to fail (offline, not downloaded): say why at once instead of trying.
      this.patch(channel, {
        track, status: 'error', isPlaying: false, position: playWindow(track).startSeconds, duration: track.durationSeconds ?? 0,
        error: blocked, audibleMs: 0, onAir: false,
      });
      return;
    }
    const voice = this.deps.backend.createVoice(channel, track.audioUrl);
    this.voices.set(channel, voice);
    const start = playWindow(track).startSeconds;
    if (channel !== 'player') voice.setRate(1 + this.state.decks[channel].tempo, this.state.decks[channel].keyLock);
    if (start > 0) voice.seek(start);
    const current = () => this.generation.get(channel) === generation;
    voice.onReady(() => {
      if (!current()) return;
      const duration = voice.duration();
      const patch: Partial<ChannelState> = { duration: Number.isFinite(duration) && duration > 0 ? duration : this.channel(channel).duration };
      if (this.channel(channel).status === 'loading' && !voice.isPlaying()) patch.status = 'ready';
      this.patch(channel, patch);
    });
    voice.onEnded(() => current() && this.reachedEnd(channel));
    voice.onError((message) => {
      if (!current()) return;
      this.starting.delete(channel);
      this.explainFailure(channel, track, message, (explained) => ({ status: 'error', isPlaying: false, error: explained }));
    });
    this.onAir.begin(channel, track);
    this.patch(channel, {
      track, status: 'loading', isPlaying: false, position: start, duration: track.durationSeconds ?? 0, error: null, audibleMs: 0, onAir: false,
    });
    if (autoplay) this.play(channel);
  }

  /** Shows a failure, explained (offline and not downloaded) when the availability can tell. */
  private explainFailure(channel: ChannelId, track: PlayerTrack, message: string, patch: (message: string) => Partial<ChannelState>): void {
    const generation = this.generation.get(channel);
    const availability = this.deps.availability;
    if (!availability) return this.patch(channel, patch(message));
    availability.explainFailure(track, message).then(
      (explained) => this.generation.get(channel) === generation && this.patch(channel, patch(explained)),
      () => this.generation.get(channel) === generation && this.patch(channel, patch(message)),
    );
  }

  private unloadChannel(channel: ChannelId): void {
    const voice = this.voices.get(channel);
    if (!voice) return;
    this.onAir.end(channel);
    this.voices.delete(channel);
    this.generation.set(channel, (this.generation.get(channel) ?? 0) + 1);
    voice.unload();
  }

  /** The track (or a locked track's preview window) is over. */
  private reachedEnd(channel: ChannelId): void {
    const voice = this.voices.get(channel);
    const { track } = this.channel(channel);
    if (!voice || !track) return;
    if (channel === 'player') {
      const index = nextIndex(this.state.player.queue, true);
      if (index !== null) return this.playQueueIndex(index);
    }
    voice.pause();
    const back = channel === 'player' ? playWindow(track).startSeconds : (this.state.decks[channel].cuePoint ?? playWindow(track).startSeconds);
    voice.seek(back);
    this.patch(channel, { status: 'paused', isPlaying: false, position: back });
    this.stopTickerIfIdle();
  }

  private tick = (): void => {
    const now = this.deps.clock.now();
    const elapsed = now - this.lastTick;
    this.lastTick = now;
    for (const [channel, voice] of this.voices) {
      const state = this.channel(channel);
      if (!state.track) continue;
      const window = playWindow(state.track);
      const position = voice.position();
      const playing = voice.isPlaying();
      if (playing && isPastWindow(position, window)) {
        this.reachedEnd(channel);
        continue;
      }
      if (playing && isBeforeWindow(position, window)) voice.seek(window.startSeconds);
      if (state.isPlaying && !playing && state.status === 'playing') {
        // Paused from outside (an interruption, the OS): follow it.
        this.patch(channel, { status: 'paused', isPlaying: false, position });
      } else if (position !== state.position) {
        this.patch(channel, { position });
      }
      // WebKit may say "ready" before it knows the length: take it once the media stack does.
      const duration = voice.duration();
      if (Number.isFinite(duration) && duration > 0 && Math.abs(duration - state.duration) > 0.05) this.patch(channel, { duration });
    }
    this.onAir.advance(elapsed, (channel) => this.isAudible(channel));
    for (const channel of this.voices.keys()) {
      const { audibleMs, onAir } = this.onAir.status(channel);
      const state = this.channel(channel);
      if (state.audibleMs !== audibleMs || state.onAir !== onAir) this.patch(channel, { audibleMs, onAir });
    }
    this.stopTickerIfIdle();
  };

  private isAudible(channel: ChannelId): boolean {
    if (channel === 'player') return this.state.player.isPlaying && this.state.player.volume > ON_AIR_MIN_GAIN;
    const deck = this.state.decks[channel];
    return deck.isPlaying && deck.outputGain > ON_AIR_MIN_GAIN;
  }

  private startTicker(): void {
    if (this.stopTicker) return;
    this.lastTick = this.deps.clock.now();
    this.stopTicker = this.deps.clock.every(TICK_MS, this.tick);
  }

  private stopTickerIfIdle(): void {
    const anyPlaying = this.state.player.isPlaying || this.state.decks.A.isPlaying || this.state.decks.B.isPlaying;
    if (anyPlaying || !this.stopTicker) return;
    this.stopTicker();
    this.stopTicker = null;
  }

  private currentPosition(channel: ChannelId): number {
    return this.voices.get(channel)?.position() ?? this.channel(channel).position;
  }

  private saveCues(deck: DeckId, cues: TrackCues): void {
    const stored: TrackCues = { cuePoint: cues.cuePoint, hotCues: cues.hotCues };
    this.patchDeck(deck, stored);
    const track = this.state.decks[deck].track;
    if (!track || !this.userId) return;
    this.deps.cues.save(this.userId, track.id, stored).catch((error: unknown) => this.deps.onError?.(error));
  }

  private applyGains(): void {
    const { backend } = this.deps;
    backend.setChannelGain('player', this.state.player.volume);
    for (const deck of ['A', 'B'] as const) {
      const outputGain = deckOutputGain(deck, this.state.decks[deck].gain, this.state.crossfader);
      backend.setChannelGain(deck, outputGain);
      if (outputGain !== this.state.decks[deck].outputGain) this.patchDeck(deck, { outputGain });
    }
  }

  private channel(channel: ChannelId): ChannelState {
    return channel === 'player' ? this.state.player : this.state.decks[channel];
  }

  private patch(channel: ChannelId, partial: Partial<ChannelState>): void {
    if (channel === 'player') this.setPlayer(partial);
    else this.patchDeck(channel, partial);
  }

  private setPlayer(partial: Partial<PlayerChannelState>): void {
    this.set({ player: { ...this.state.player, ...partial } });
  }

  private patchDeck(deck: DeckId, partial: Partial<DeckState>): void {
    this.set({ decks: { ...this.state.decks, [deck]: { ...this.state.decks[deck], ...partial } } });
  }

  private set(partial: Partial<PlayerState>): void {
    this.state = { ...this.state, ...partial };
    for (const listener of [...this.listeners]) listener();
  }
}

function playErrorMessage(error: unknown): string {
  if (error instanceof Error && error.name === 'NotAllowedError') return 'The browser blocked audio: tap play again.';
  return error instanceof Error && error.message ? error.message : 'This track could not be played.';
}
