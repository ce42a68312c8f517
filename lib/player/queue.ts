// The mini player's queue, as pure functions over QueueState: play all, next, previous, shuffle,
// repeat. `random` is injected so tests are deterministic.
import type { PlayerTrack, QueueState, RepeatMode } from './types';

export const EMPTY_QUEUE: QueueState = { tracks: [], index: -1, shuffle: false, repeat: 'off', order: [] };

function identity(length: number): number[] {
  return Array.from({ length }, (_, i) => i);
}

/** A permutation of 0..length-1 that starts with `first` (the track playing stays current). */
export function shuffledOrder(length: number, first: number, random: () => number): number[] {
  const rest = identity(length).filter((i) => i !== first);
  for (let i = rest.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [rest[i], rest[j]] = [rest[j]!, rest[i]!];
  }
  return first >= 0 && first < length ? [first, ...rest] : rest;
}

/** A new queue of `tracks` starting at `startIndex`, keeping the shuffle and repeat settings. */
export function startQueue(queue: QueueState, tracks: PlayerTrack[], startIndex: number, random: () => number): QueueState {
  const index = tracks.length === 0 ? -1 : Math.min(Math.max(startIndex, 0), tracks.length - 1);
  const order = queue.shuffle ? shuffledOrder(tracks.length, index, random) : identity(tracks.length);
  return { ...queue, tracks, index, order };
}

export function currentTrack(queue: QueueState): PlayerTrack | null {
  return queue.index >= 0 ? (queue.tracks[queue.index] ?? null) : null;
}

function step(queue: QueueState, delta: 1 | -1, wrap: boolean): number | null {
  if (queue.index < 0 || queue.order.length === 0) return null;
  const at = queue.order.indexOf(queue.index);
  let next = at + delta;
  if (next >= queue.order.length || next < 0) {
    if (!wrap) return null;
    next = (next + queue.order.length) % queue.order.length;
  }
  return queue.order[next] ?? null;
}

/**
 * The queue after the next track is asked for. `auto` is true when the current track ended by
 * itself: then repeat-one replays it and the end of the list stops (null) unless repeat-all.
 */
export function nextIndex(queue: QueueState, auto: boolean): number | null {
  if (auto && queue.repeat === 'one') return queue.index >= 0 ? queue.index : null;
  return step(queue, 1, queue.repeat === 'all' || (!auto && queue.repeat === 'one'));
}

export function previousIndex(queue: QueueState): number | null {
  return step(queue, -1, queue.repeat !== 'off');
}

export function withIndex(queue: QueueState, index: number): QueueState {
  return { ...queue, index };
}

export function setShuffle(queue: QueueState, shuffle: boolean, random: () => number): QueueState {
  const order = shuffle ? shuffledOrder(queue.tracks.length, queue.index, random) : identity(queue.tracks.length);
  return { ...queue, shuffle, order };
}

export function setRepeat(queue: QueueState, repeat: RepeatMode): QueueState {
  return { ...queue, repeat };
}

const REPEAT_CYCLE: Record<RepeatMode, RepeatMode> = { off: 'all', all: 'one', one: 'off' };
export function nextRepeatMode(mode: RepeatMode): RepeatMode {
  return REPEAT_CYCLE[mode];
}
