// "Is anything playing?" for the update flow: a new version is never applied while a DJ plays.
// Two sources: every <audio>/<video> element in the document (its `paused` flag), and a registry a
// player that is not a media element (a Web Audio engine) reports to:
//
//   import { reportPlayback } from '@/lib/pwa/playback-guard';
//   reportPlayback('deck-a', true);   // started (or resumed)
//   reportPlayback('deck-a', false);  // paused, stopped or unloaded
//
// Report `false` when a source goes away, or it counts as playing for as long as the page lives.

const playing = new Set<string>();
const listeners = new Set<() => void>();
let listeningToMedia = false;

const MEDIA_EVENTS = ['play', 'playing', 'pause', 'ended', 'emptied', 'abort'] as const;

function notify(): void {
  for (const listener of [...listeners]) listener();
}

/** A player (by a stable id of your choosing) says whether it is playing now. */
export function reportPlayback(sourceId: string, isPlaying: boolean): void {
  const changed = isPlaying ? !playing.has(sourceId) : playing.has(sourceId);
  if (isPlaying) playing.add(sourceId);
  else playing.delete(sourceId);
  if (changed) notify();
}

function mediaElementPlaying(root: ParentNode): boolean {
  for (const element of root.querySelectorAll<HTMLMediaElement>('audio, video')) {
    if (!element.paused && !element.ended) return true;
  }
  return false;
}

/** True while any reported source or any media element of the document plays. */
export function isPlaybackActive(root: ParentNode | null = typeof document === 'undefined' ? null : document): boolean {
  if (playing.size > 0) return true;
  return root ? mediaElementPlaying(root) : false;
}

/**
 * Calls `listener` whenever playback may have started or stopped (reports, and media events,
 * which do not bubble: heard in the capture phase on the document). Returns the unsubscribe.
 */
export function subscribePlayback(listener: () => void): () => void {
  if (!listeningToMedia && typeof document !== 'undefined') {
    listeningToMedia = true;
    for (const type of MEDIA_EVENTS) document.addEventListener(type, notify, true);
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Resolves once nothing plays (at once if nothing does). */
export function whenPlaybackStops(): Promise<void> {
  return new Promise((resolve) => {
    if (!isPlaybackActive()) return resolve();
    const unsubscribe = subscribePlayback(() => {
      if (isPlaybackActive()) return;
      unsubscribe();
      resolve();
    });
  });
}

/** Tests only: forget every report. */
export function resetPlaybackReports(): void {
  playing.clear();
  notify();
}
