// When the player's session is written (see saved-session.ts): soon after a change (a load, a seek,
// a cue, a fader: once the gesture settles), every few seconds while a playhead moves, and at once
// when the page is hidden (iPadOS may then freeze or reload it). Never per tick: a playing deck
// changes the state five times a second.
import { initialPlayerState } from '../initial-state';
import type { PlayerState } from '../types';
import { compareSessions, toSavedSession, type SavedPlayerSession } from './saved-session';

/** A change is written once it has settled (a fader drag is one write, not fifty). */
export const CHANGE_SAVE_MS = 400;
/** While something plays, its position is written this often. */
export const PLAYHEAD_SAVE_MS = 5000;

export interface SaverDeps {
  userId: string;
  /** What the device holds now (null: nothing). A state that differs from it is written soon. */
  stored: SavedPlayerSession | null;
  save: (session: SavedPlayerSession) => Promise<void>;
  now: () => number;
  setTimer: (run: () => void, ms: number) => () => void;
  /** Calls `flush` when the page goes away or is hidden; returns an unsubscribe. */
  onHidden: (flush: () => void) => () => void;
  onError?: (error: unknown) => void;
}

export interface PlayerSource {
  getState(): PlayerState;
  subscribe(listener: () => void): () => void;
}

/** Starts saving `source`'s session. Returns a stop. */
export function startSessionSaver(source: PlayerSource, deps: SaverDeps): () => void {
  // Nothing stored is the empty player: a DJ who played before the saver started is written at once.
  let saved = deps.stored ?? toSavedSession(initialPlayerState(), deps.userId, deps.now());
  let cancelTimer: (() => void) | null = null;
  let dueAt = Number.POSITIVE_INFINITY;
  let stopped = false;

  const playing = (id: 'A' | 'B' | 'player') => {
    const state = source.getState();
    return id === 'player' ? state.player.isPlaying : state.decks[id].isPlaying;
  };
  const current = () => toSavedSession(source.getState(), deps.userId, deps.now());

  const write = () => {
    cancelTimer?.();
    cancelTimer = null;
    dueAt = Number.POSITIVE_INFINITY;
    if (stopped) return;
    const next = current();
    if (compareSessions(saved, next, playing) === 'none') return;
    saved = next;
    deps.save(next).catch((error: unknown) => deps.onError?.(error));
  };

  const schedule = (ms: number) => {
    const at = deps.now() + ms;
    if (at >= dueAt) return;
    cancelTimer?.();
    dueAt = at;
    cancelTimer = deps.setTimer(write, ms);
  };

  const onChange = () => {
    const delta = compareSessions(saved, current(), playing);
    if (delta === 'change') schedule(CHANGE_SAVE_MS);
    else if (delta === 'playhead') schedule(PLAYHEAD_SAVE_MS);
  };

  const unsubscribe = source.subscribe(onChange);
  onChange();
  const unhidden = deps.onHidden(write);
  return () => {
    stopped = true;
    unsubscribe();
    unhidden();
    cancelTimer?.();
  };
}

/** The browser's timers and page lifecycle. */
export const browserSaverDeps = {
  now: () => Date.now(),
  setTimer: (run: () => void, ms: number) => {
    const id = setTimeout(run, ms);
    return () => clearTimeout(id);
  },
  onHidden: (flush: () => void) => {
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', flush);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', flush);
    };
  },
} satisfies Pick<SaverDeps, 'now' | 'setTimer' | 'onHidden'>;
