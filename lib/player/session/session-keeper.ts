// A console start, for the player's session: another member's saved session is deleted, this
// member's is brought back (paused) once start-up is over, then the session is kept saved. Loaded
// lazily after start-up (lib/player/store.ts): nothing of it is in the first load.
import { audioContext } from '../audio-output';
import type { PlayerEngine } from '../engine';
import { afterStartup } from '@/lib/scheduling/after-startup';
import { hasTracks } from './saved-session';
import { browserSaverDeps, startSessionSaver } from './session-saver';
import { dexiePlayerSessionStore, type PlayerSessionStore } from './session-store';

export interface KeepSessionOptions {
  userId: string;
  /** Aborted at sign-out: nothing is restored or written any more. */
  signal: AbortSignal;
  /** Loads the engine now. */
  loadEngine: () => Promise<PlayerEngine>;
  /** Resolves once anything has loaded the engine (a tap, the decks page). */
  engineLoaded: Promise<PlayerEngine>;
  store?: PlayerSessionStore;
}

const warn = (error: unknown) => console.warn('[player] saved session', error);

/** One idle slot of the start-up scheduler: the AudioContext and the engine are each a task. */
const inIdleSlot = <T>(job: () => T | Promise<T>) => new Promise<T>((resolve, reject) => {
  afterStartup(() => {
    Promise.resolve().then(job).then(resolve, reject);
  });
});

export async function keepPlayerSession({ userId, signal, loadEngine, engineLoaded, store = dexiePlayerSessionStore() }: KeepSessionOptions): Promise<void> {
  void store.keepOnly(userId).catch(warn);
  const saved = await store.load(userId).catch((error: unknown) => {
    warn(error);
    return null;
  });
  if (signal.aborted) return;
  let engine: PlayerEngine;
  if (saved && hasTracks(saved)) {
    await inIdleSlot(() => audioContext());
    engine = await inIdleSlot(loadEngine);
    if (signal.aborted) return;
    // The DJ was quicker (a track played before the restore): theirs wins.
    if (engine.isEmpty()) engine.restore(saved);
  } else {
    engine = await engineLoaded;
    if (signal.aborted) return;
  }
  const stop = startSessionSaver(engine, { userId, stored: saved, save: (session) => store.save(session), onError: warn, ...browserSaverDeps });
  signal.addEventListener('abort', stop, { once: true });
}

/** Sign-out: every saved session goes (bounded wait: never blocks the sign-out). */
export async function clearSavedPlayerSessions(store: PlayerSessionStore = dexiePlayerSessionStore(), timeoutMs = 3000): Promise<void> {
  await Promise.race([store.clear().catch(warn), new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
}
