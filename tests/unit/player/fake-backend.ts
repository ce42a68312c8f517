// A browser-free audio backend and clock: voices advance only when the test moves time.
import type { AudioBackend, Clock, Voice } from '@/lib/player/backend';
import { PlayerEngine } from '@/lib/player/engine';
import type { AudioStatus, ChannelId, PlayerTrack } from '@/lib/player/types';

export const track = (id: string, extra: Partial<PlayerTrack> = {}): PlayerTrack => ({
  id, title: `Track ${id}`, artist: 'Artist', producerId: 'p1', audioUrl: `/api/tracks/${id}/audio`, artworkUrl: null,
  bpm: 124, key: '8A', durationSeconds: 180, preview: null, ...extra,
});

export class FakeClock implements Clock {
  time = 0;
  wall = 1_700_000_000_000;
  private timers: Array<{ ms: number; next: number; tick: () => void; alive: boolean }> = [];
  onAdvance: Array<(ms: number) => void> = [];
  now = () => this.time;
  wallNow = () => this.wall;
  every = (ms: number, tick: () => void) => {
    const timer = { ms, next: this.time + ms, tick, alive: true };
    this.timers.push(timer);
    return () => {
      timer.alive = false;
    };
  };
  /** Moves time by `ms` in steps, firing timers as a real clock would. */
  advance(ms: number, step = 100): void {
    for (let done = 0; done < ms; done += step) {
      const delta = Math.min(step, ms - done);
      this.time += delta;
      this.wall += delta;
      for (const listener of this.onAdvance) listener(delta);
      for (const timer of this.timers.filter((t) => t.alive && t.next <= this.time)) {
        timer.next = this.time + timer.ms;
        timer.tick();
      }
      this.timers = this.timers.filter((t) => t.alive);
    }
  }
  /** Jumps like Playwright's clock.fastForward: due timers fire once. */
  jump(ms: number): void {
    this.time += ms;
    this.wall += ms;
    for (const listener of this.onAdvance) listener(ms);
    for (const timer of this.timers.filter((t) => t.alive && t.next <= this.time)) {
      timer.next = this.time + timer.ms;
      timer.tick();
    }
  }
}

export class FakeVoice implements Voice {
  playing = false;
  at = 0;
  rate = 1;
  keyLock = true;
  unloaded = false;
  refuse: Error | null = null;
  private ready: Array<() => void> = [];
  private ended: Array<() => void> = [];
  private errors: Array<(m: string) => void> = [];
  constructor(readonly channel: ChannelId, readonly src: string, public length: number) {}
  play() {
    if (this.refuse) return Promise.reject(this.refuse);
    this.playing = true;
    return Promise.resolve();
  }
  pause() { this.playing = false; }
  seek(seconds: number) { this.at = seconds; }
  position() { return this.at; }
  duration() { return this.length; }
  isPlaying() { return this.playing; }
  setRate(rate: number, keyLock: boolean) { this.rate = rate; this.keyLock = keyLock; }
  onReady(l: () => void) { this.ready.push(l); }
  onEnded(l: () => void) { this.ended.push(l); }
  onError(l: (m: string) => void) { this.errors.push(l); }
  unload() { this.unloaded = true; this.playing = false; }
  fireReady() { for (const l of this.ready) l(); }
  fireError(message: string) { for (const l of this.errors) l(message); }
  /** Media time advances with the clock while playing; past the end the voice ends. */
  advance(ms: number) {
    if (!this.playing || this.unloaded) return;
    this.at += (ms / 1000) * this.rate;
    if (this.at >= this.length) {
      this.at = this.length;
      this.playing = false;
      for (const l of this.ended) l();
    }
  }
}

export class FakeBackend implements AudioBackend {
  voices: FakeVoice[] = [];
  gains: Partial<Record<ChannelId, number>> = {};
  unlocked = 0;
  keyLockSupported = true;
  lengthOf: (src: string) => number = () => 180;
  constructor(clock?: FakeClock) {
    clock?.onAdvance.push((ms) => {
      for (const voice of this.voices) voice.advance(ms);
    });
  }
  createVoice(channel: ChannelId, src: string) {
    const voice = new FakeVoice(channel, src, this.lengthOf(src));
    this.voices.push(voice);
    return voice;
  }
  setChannelGain(channel: ChannelId, gain: number) { this.gains[channel] = gain; }
  unlock() { this.unlocked += 1; }
  status(): AudioStatus { return this.unlocked ? 'running' : 'idle'; }
  live(channel: ChannelId): FakeVoice | undefined {
    return this.voices.filter((v) => v.channel === channel && !v.unloaded).at(-1);
  }
}

/** What lib/player/runtime's createBrowserPlayer returns, over a real engine on the fake backend. */
export function fakeBrowserPlayer(): { engine: PlayerEngine; channelGain: () => null } {
  const clock = new FakeClock();
  const engine = new PlayerEngine({
    backend: new FakeBackend(clock),
    clock,
    cues: { load: async () => null, save: async () => undefined },
    record: async () => undefined,
  });
  return { engine, channelGain: () => null };
}
