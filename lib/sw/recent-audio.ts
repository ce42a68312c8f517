// The worker's short memory of the downloaded tracks it just answered. A media element asks for a
// track several times (Safari's `bytes=0-1` probe, then the body, then a range per seek; a deck
// loads a track, then plays it): after the first answer the next ones come from this copy with
// no Cache Storage lookup, which is most of what the worker adds before the first byte. Pure: the
// clock is passed in.
//
// Never a way around a removal: an entry is trusted for `ttlMs` after its lookup, and everything
// is forgotten as soon as the worker hears that downloads changed (AUDIO_CHANGED from a page, see
// lib/offline/downloads/browser.ts) or that the member changed (sign-in / sign-out requests).
import type { AudioCopy } from './range-response';

export const RECENT_AUDIO_CAPACITY = 2; // two decks
export const RECENT_AUDIO_TTL_MS = 30_000;

export interface RecentAudio {
  /** The copy looked up under `key` at most `ttlMs` ago, else null. */
  get(key: string, now: number): AudioCopy | null;
  /** Counts forget() calls: pass it to set() as read BEFORE the lookup that found the copy. */
  generation(): number;
  /** Keeps `copy`, unless forget() was called since `generation` was read (a lookup raced a removal). */
  set(key: string, copy: AudioCopy, now: number, generation: number): void;
  /** Drops every copy. */
  forget(): void;
}

export function createRecentAudio({ capacity = RECENT_AUDIO_CAPACITY, ttlMs = RECENT_AUDIO_TTL_MS } = {}): RecentAudio {
  // Insertion order is use order: the first key is the least recently used.
  const entries = new Map<string, { copy: AudioCopy; lookedUpAt: number }>();
  let forgotten = 0;
  return {
    get(key, now) {
      const entry = entries.get(key);
      if (!entry) return null;
      entries.delete(key);
      if (now - entry.lookedUpAt > ttlMs || now < entry.lookedUpAt) return null;
      entries.set(key, entry);
      return entry.copy;
    },
    generation: () => forgotten,
    set(key, copy, now, generation) {
      if (generation !== forgotten) return;
      entries.delete(key);
      entries.set(key, { copy, lookedUpAt: now });
      while (entries.size > capacity) entries.delete(entries.keys().next().value!);
    },
    forget() {
      forgotten += 1;
      entries.clear();
    },
  };
}
