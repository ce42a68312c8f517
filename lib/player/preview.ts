// The part of a track that may play. A locked VIP track plays only its preview window; every
// path (play, seek, cue, hot cue, queue, deck) goes through these functions.
import type { PlayWindow, PlayerTrack } from './types';

/** Tolerance for "already at the start" (media elements land a little before a seek target). */
const EPSILON = 0.25;

export function playWindow(track: Pick<PlayerTrack, 'preview'>): PlayWindow {
  if (!track.preview) return { startSeconds: 0, endSeconds: Number.POSITIVE_INFINITY };
  return { startSeconds: track.preview.startSeconds, endSeconds: track.preview.endSeconds };
}

/** Where a request to play from `seconds` really starts: inside the window, never at its very end. */
export function clampToWindow(seconds: number, window: PlayWindow): number {
  if (!Number.isFinite(seconds) || seconds < window.startSeconds) return window.startSeconds;
  if (Number.isFinite(window.endSeconds) && seconds >= window.endSeconds) return window.startSeconds;
  return seconds;
}

/** The window's end has been reached (the engine stops there). */
export function isPastWindow(seconds: number, window: PlayWindow): boolean {
  return Number.isFinite(window.endSeconds) && seconds >= window.endSeconds;
}

/** Playback drifted before the window (a seek the engine did not make). */
export function isBeforeWindow(seconds: number, window: PlayWindow): boolean {
  return seconds < window.startSeconds - EPSILON;
}
