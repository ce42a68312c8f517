// What the engine needs from a browser. Production: lib/player/howler-backend.ts (howler media
// elements routed through Web Audio gain nodes); tests: a fake with a controllable clock.
import type { AudioStatus, ChannelId } from './types';

/** One loaded track on one channel. */
export interface Voice {
  /** Starts playback; resolves once audio plays, rejects when the browser refuses or fails. */
  play(): Promise<void>;
  pause(): void;
  seek(seconds: number): void;
  position(): number;
  /** Seconds; NaN or 0 until known. */
  duration(): number;
  isPlaying(): boolean;
  /** Playback rate; `keyLock` keeps the pitch (preservesPitch) where supported. */
  setRate(rate: number, keyLock: boolean): void;
  onReady(listener: () => void): void;
  onEnded(listener: () => void): void;
  onError(listener: (message: string) => void): void;
  unload(): void;
}

export interface AudioBackend {
  createVoice(channel: ChannelId, src: string): Voice;
  /** The channel's Web Audio gain (0..1). */
  setChannelGain(channel: ChannelId, gain: number): void;
  /** Creates or resumes the audio output. Call inside a user gesture (iPad). */
  unlock(): void;
  status(): AudioStatus;
  readonly keyLockSupported: boolean;
}

/** Time for the engine: `now` is monotonic ms (performance.now), `every` a repeating timer. */
export interface Clock {
  now(): number;
  wallNow(): number;
  every(ms: number, tick: () => void): () => void;
}

export const browserClock: Clock = {
  now: () => performance.now(),
  wallNow: () => Date.now(),
  every: (ms, tick) => {
    const id = setInterval(tick, ms);
    return () => clearInterval(id);
  },
};
