'use client';
// The player as React reads it: a small store (useSyncExternalStore) in front of the engine, which
// is loaded on first use (or when the browser is idle), so the console's first load carries neither
// howler nor the decks. Every action is safe to call before the engine is there: it unlocks audio
// synchronously (inside the tap) and runs once the engine has loaded.
import { useSyncExternalStore } from 'react';
import { unlockAudioOutput } from './audio-output';
import type { PlayerEngine } from './engine';
import { initialPlayerState } from './initial-state';
import type { BrowserPlayer } from './runtime';
import type { ChannelId, DeckId, PlayerState, PlayerTrack } from './types';

const SERVER_STATE = initialPlayerState();
let snapshot: PlayerState = SERVER_STATE;
let browserPlayer: BrowserPlayer | null = null;
let loading: Promise<BrowserPlayer> | null = null;
let userId: string | null = null;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of [...listeners]) listener();
}

export function subscribePlayer(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const getPlayerState = (): PlayerState => snapshot;

/** Loads the engine (once). */
export function loadPlayer(): Promise<BrowserPlayer> {
  loading ??= import('./runtime')
    .then(({ createBrowserPlayer }) => {
      const created = createBrowserPlayer();
      browserPlayer = created;
      created.engine.setUser(userId);
      created.engine.subscribe(() => {
        snapshot = created.engine.getState();
        emit();
      });
      snapshot = created.engine.getState();
      emit();
      return created;
    })
    .catch((error: unknown) => {
      loading = null;
      throw error;
    });
  return loading;
}

/** Whose plays and cues these are. */
export function setPlayerUser(id: string | null): void {
  userId = id;
  browserPlayer?.engine.setUser(id);
}

/** The real gain node value of a channel, once the engine runs (for the decks' data attributes). */
export function channelGain(channel: ChannelId): number | null {
  return browserPlayer?.channelGain(channel) ?? null;
}

/** Runs `action` on the engine, now if it is loaded. `gesture`: called from a tap, unlock audio first. */
function run(action: (engine: PlayerEngine) => void, gesture = true): void {
  if (gesture) unlockAudioOutput();
  if (browserPlayer) {
    if (gesture) browserPlayer.engine.unlock();
    action(browserPlayer.engine);
    return;
  }
  void loadPlayer().then(
    ({ engine }) => {
      if (gesture) engine.unlock();
      action(engine);
    },
    (error: unknown) => console.warn('[player] could not load', error),
  );
}

/** Everything a screen can ask of the player and the decks. */
export const player = {
  playTrack: (track: PlayerTrack, queue?: PlayerTrack[]) => run((e) => e.playTrack(track, queue)),
  playAll: (tracks: PlayerTrack[], startIndex = 0) => run((e) => e.playAll(tracks, startIndex)),
  togglePlayPause: (channel: ChannelId = 'player') => run((e) => e.togglePlayPause(channel)),
  play: (channel: ChannelId = 'player') => run((e) => e.play(channel)),
  pause: (channel: ChannelId = 'player') => run((e) => e.pause(channel), false),
  seekTo: (seconds: number, channel: ChannelId = 'player') => run((e) => e.seekTo(seconds, channel)),
  next: () => run((e) => e.next()),
  previous: () => run((e) => e.previous()),
  setShuffle: (on: boolean) => run((e) => e.setShuffle(on), false),
  cycleRepeat: () => run((e) => e.cycleRepeat(), false),
  setVolume: (volume: number) => run((e) => e.setVolume(volume), false),
  loadDeck: (deck: DeckId, track: PlayerTrack) => run((e) => e.loadDeck(deck, track)),
  cue: (deck: DeckId) => run((e) => e.cue(deck)),
  hotCue: (deck: DeckId, slot: number) => run((e) => e.hotCue(deck, slot)),
  clearHotCue: (deck: DeckId, slot: number) => run((e) => e.clearHotCue(deck, slot), false),
  setTempo: (deck: DeckId, tempo: number) => run((e) => e.setTempo(deck, tempo), false),
  setKeyLock: (deck: DeckId, on: boolean) => run((e) => e.setKeyLock(deck, on), false),
  setDeckGain: (deck: DeckId, gain: number) => run((e) => e.setDeckGain(deck, gain), false),
  setCrossfader: (position: number) => run((e) => e.setCrossfader(position), false),
  dispose: () => browserPlayer?.engine.dispose(),
};

export type PlayerActions = typeof player;

/** The whole state (re-renders on every change, ~5 times a second while playing). */
export function usePlayerState(): PlayerState {
  return useSyncExternalStore(subscribePlayer, getPlayerState, () => SERVER_STATE);
}

/** A slice of the state: re-renders only when the selected value changes (return primitives or state objects). */
export function usePlayerSelector<T>(select: (state: PlayerState) => T): T {
  return useSyncExternalStore(subscribePlayer, () => select(snapshot), () => select(SERVER_STATE));
}

/** The original console's PlayerContext contract, plus the queue and volume. */
export function usePlayer() {
  const state = usePlayerSelector((s) => s.player);
  return {
    currentTrack: state.track,
    isPlaying: state.isPlaying,
    playbackPosition: state.position,
    duration: state.duration,
    status: state.status,
    error: state.error,
    onAir: state.onAir,
    queue: state.queue,
    volume: state.volume,
    ...player,
  };
}
