'use client';
// The player as React reads it: a small store (useSyncExternalStore) in front of the engine, which
// is loaded on first use (or when the browser is idle), so the console's first load carries neither
// howler nor the decks. Every action is safe to call before the engine is there: it unlocks audio
// synchronously (inside the tap) and runs once the engine has loaded.
import { useRef, useSyncExternalStore } from 'react';
import { ownerRule } from '@/lib/offline/downloads/owner-rule';
import { afterStartup } from '@/lib/scheduling/after-startup';
import { onFirstInput } from '@/lib/scheduling/first-input';
import { unlockAudioOutput } from './audio-output';
import type { PlayerEngine } from './engine';
import { initialPlayerState } from './initial-state';
import { nextTask } from './next-task';
import type { BrowserPlayer } from './runtime';
import type { ChannelId, DeckId, PlayerState, PlayerTrack } from './types';

const SERVER_STATE = initialPlayerState();
let snapshot: PlayerState = SERVER_STATE;
let browserPlayer: BrowserPlayer | null = null;
let runtime: Promise<typeof import('./runtime')> | null = null;
let loading: Promise<BrowserPlayer> | null = null;
let userId: string | null = null;
const listeners = new Set<() => void>();
let resolveEngine: (engine: PlayerEngine) => void = () => undefined;
const engineLoaded = new Promise<PlayerEngine>((resolve) => (resolveEngine = resolve));
let keeping: { userId: string; controller: AbortController } | null = null;
let sessionForgotten = false;

// Screens hear of engine changes in a task of their own, once per burst: a tap's task then holds
// the engine's work (audio starts inside the gesture) and React's render comes right after, not
// both in one long task (issue #6's long-task goal). The snapshot itself is always current.
// Actions behind controlled inputs (sliders) flush at once: React puts a controlled input back to
// its rendered value right after the event, so their state must be rendered within the event.
const notify = nextTask(() => {
  for (const listener of [...listeners]) listener();
});
const emit = () => notify.schedule();
const flush = () => notify.flush();

export function subscribePlayer(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const getPlayerState = (): PlayerState => snapshot;

function loadRuntime(): Promise<typeof import('./runtime')> {
  runtime ??= import('./runtime').catch((error: unknown) => {
    runtime = null;
    throw error;
  });
  return runtime;
}

/** Loads the engine (once). */
export function loadPlayer(): Promise<BrowserPlayer> {
  loading ??= loadRuntime()
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
      resolveEngine(created.engine);
      return created;
    })
    .catch((error: unknown) => {
      loading = null;
      throw error;
    });
  return loading;
}

/**
 * Gets the engine ready before the first tap on play without a long task during start-up: its code
 * (howler, the engine) loads once start-up is over (lib/scheduling/after-startup); the AudioContext
 * (≈0.15 s in one task at 4x CPU) and the engine are created at the first input on the page, in the
 * pointerdown / keydown task, so the click that follows plays at once. A click with no input before
 * it creates them itself (run()). Returns a cancel.
 */
export function preloadPlayer(): () => void {
  if (typeof window === 'undefined') return () => undefined;
  const cancelCode = afterStartup(() => loadRuntime().catch(() => undefined));
  const cancelInput = onFirstInput(() => void loadPlayer().catch(() => undefined));
  return () => {
    cancelCode();
    cancelInput();
  };
}

/**
 * Brings back `userId`'s decks and queue (paused) once start-up is over, and keeps them saved on the
 * device from then on (lib/player/session). Returns a cancel.
 */
export function keepPlayerSession(id: string): () => void {
  if (typeof window === 'undefined' || sessionForgotten) return () => undefined;
  if (keeping?.userId === id) return () => undefined;
  keeping?.controller.abort();
  const controller = new AbortController();
  keeping = { userId: id, controller };
  const cancelStart = afterStartup(() =>
    import('./session/session-keeper')
      .then(({ keepPlayerSession: keep }) =>
        keep({ userId: id, signal: controller.signal, loadEngine: () => loadPlayer().then(({ engine }) => engine), engineLoaded }),
      )
      .catch((error: unknown) => console.warn('[player] could not restore the session', error)),
  );
  return () => {
    cancelStart();
    controller.abort();
    if (keeping?.controller === controller) keeping = null;
  };
}

/**
 * Sign-out on a shared iPad: the saved decks and queue are deleted and nothing is saved again on
 * this page, so whoever signs in next starts with empty decks. Bounded wait; never rejects.
 */
export async function forgetPlayerSession(): Promise<void> {
  sessionForgotten = true;
  keeping?.controller.abort();
  keeping = null;
  browserPlayer?.engine.dispose();
  try {
    const { clearSavedPlayerSessions } = await import('./session/session-keeper');
    await clearSavedPlayerSessions();
  } catch (error) {
    console.warn('[player] could not clear the saved session', error);
  }
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

type RunMode = { gesture?: boolean; slider?: boolean };

/**
 * Runs `action` on the engine, now if it is loaded. `gesture`: called from a tap, unlock audio
 * first. `slider`: called from a controlled input, render its new state within the event.
 */
function run(action: (engine: PlayerEngine) => void, { gesture = true, slider = false }: RunMode = {}): void {
  if (gesture) unlockAudioOutput();
  // A tap may start audio: not while another member's downloads are being removed (owner-rule.ts).
  const ownerGate = gesture ? ownerRule.gate() : null;
  if (browserPlayer && !ownerGate) {
    if (gesture) browserPlayer.engine.unlock();
    action(browserPlayer.engine);
    if (slider) flush();
    return;
  }
  void Promise.all([loadPlayer(), ownerGate]).then(
    ([{ engine }]) => {
      if (gesture) engine.unlock();
      action(engine);
    },
    (error: unknown) => console.warn('[player] could not load', error),
  );
}

const NO_GESTURE: RunMode = { gesture: false };
const SLIDER: RunMode = { gesture: false, slider: true };

/** Everything a screen can ask of the player and the decks. */
export const player = {
  playTrack: (track: PlayerTrack, queue?: PlayerTrack[]) => run((e) => e.playTrack(track, queue)),
  playAll: (tracks: PlayerTrack[], startIndex = 0) => run((e) => e.playAll(tracks, startIndex)),
  togglePlayPause: (channel: ChannelId = 'player') => run((e) => e.togglePlayPause(channel)),
  play: (channel: ChannelId = 'player') => run((e) => e.play(channel)),
  pause: (channel: ChannelId = 'player') => run((e) => e.pause(channel), NO_GESTURE),
  seekTo: (seconds: number, channel: ChannelId = 'player') => run((e) => e.seekTo(seconds, channel), { slider: true }),
  next: () => run((e) => e.next()),
  previous: () => run((e) => e.previous()),
  setShuffle: (on: boolean) => run((e) => e.setShuffle(on), NO_GESTURE),
  cycleRepeat: () => run((e) => e.cycleRepeat(), NO_GESTURE),
  setVolume: (volume: number) => run((e) => e.setVolume(volume), SLIDER),
  loadDeck: (deck: DeckId, track: PlayerTrack) => run((e) => e.loadDeck(deck, track)),
  cue: (deck: DeckId) => run((e) => e.cue(deck)),
  hotCue: (deck: DeckId, slot: number) => run((e) => e.hotCue(deck, slot)),
  clearHotCue: (deck: DeckId, slot: number) => run((e) => e.clearHotCue(deck, slot), NO_GESTURE),
  setTempo: (deck: DeckId, tempo: number) => run((e) => e.setTempo(deck, tempo), SLIDER),
  setKeyLock: (deck: DeckId, on: boolean) => run((e) => e.setKeyLock(deck, on), NO_GESTURE),
  setDeckGain: (deck: DeckId, gain: number) => run((e) => e.setDeckGain(deck, gain), SLIDER),
  // The mixer's crossfader is an uncontrolled input (components/decks/mixer.tsx): its screens may
  // follow in the next task, out of the drag's frame.
  setCrossfader: (position: number) => run((e) => e.setCrossfader(position), NO_GESTURE),
  dispose: () => browserPlayer?.engine.dispose(),
};

export type PlayerActions = typeof player;

/** The whole state (re-renders on every change, ~5 times a second while playing). */
export function usePlayerState(): PlayerState {
  return useSyncExternalStore(subscribePlayer, getPlayerState, () => SERVER_STATE);
}

/**
 * A slice of the state: re-renders only when the selected value changes. Return primitives or state
 * objects, or pass `equal` (e.g. `shallowEqual`) for a slice built anew on each change.
 */
export function usePlayerSelector<T>(select: (state: PlayerState) => T, equal: (a: T, b: T) => boolean = Object.is): T {
  const last = useRef<{ value: T } | null>(null);
  const selectStable = (state: PlayerState) => {
    const next = select(state);
    if (last.current && equal(last.current.value, next)) return last.current.value;
    last.current = { value: next };
    return next;
  };
  return useSyncExternalStore(subscribePlayer, () => selectStable(snapshot), () => select(SERVER_STATE));
}

/** Same keys, and the same values by identity. */
export function shallowEqual<T extends object>(a: T, b: T): boolean {
  const keys = Object.keys(a) as Array<keyof T>;
  return keys.length === Object.keys(b).length && keys.every((key) => Object.is(a[key], b[key]));
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
