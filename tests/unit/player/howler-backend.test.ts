// The production backend's voices over real howler, with a scripted media element standing in for
// the browser's <audio>. It replays what WebKitGTK's media stack does (seen in the WebKitGTK decks
// e2e): `canplaythrough` fires while `duration` is still 0, and the length arrives a moment later.
import { beforeAll, describe, expect, it } from 'vitest';
import type { AudioBackend } from '@/lib/player/backend';

class ScriptedAudio extends EventTarget {
  static created: ScriptedAudio[] = [];
  src = '';
  preload = '';
  volume = 1;
  muted = false;
  playbackRate = 1;
  currentTime = 0;
  duration = Number.NaN;
  readyState = 0;
  networkState = 0;
  paused = true;
  ended = false;
  oncanplaythrough: null = null;
  playCalls = 0;
  constructor() {
    super();
    ScriptedAudio.created.push(this);
  }
  canPlayType(): string {
    return 'probably';
  }
  load(): void {}
  play(): Promise<void> {
    this.playCalls += 1;
    this.paused = false;
    this.ended = false;
    this.dispatchEvent(new Event('play'));
    return Promise.resolve();
  }
  pause(): void {
    this.paused = true;
  }
  removeAttribute(): void {}
  /** Metadata and enough data, with the length the media stack knows at that moment. */
  ready(duration: number): void {
    this.duration = duration;
    this.readyState = 4;
    this.dispatchEvent(new Event('loadedmetadata'));
    this.dispatchEvent(new Event('canplay'));
    this.dispatchEvent(new Event('canplaythrough'));
  }
  learnDuration(duration: number): void {
    this.duration = duration;
    this.dispatchEvent(new Event('durationchange'));
  }
  playToEnd(): void {
    this.currentTime = this.duration;
    this.paused = true;
    this.ended = true;
    this.dispatchEvent(new Event('ended'));
  }
}

let backend: AudioBackend;

beforeAll(async () => {
  const g = globalThis as Record<string, unknown>;
  g.window = globalThis;
  g.location = new URL('http://127.0.0.1:3000/console');
  g.Audio = ScriptedAudio;
  g.HTMLMediaElement = ScriptedAudio;
  if (!('navigator' in globalThis)) g.navigator = { userAgent: 'vitest', appVersion: 'vitest', platform: 'vitest' };
  const { HowlerBackend } = await import('@/lib/player/howler-backend');
  backend = new HowlerBackend(null);
});

/** The element howler gave the last voice (the last one created with a source). */
const lastElement = () => ScriptedAudio.created.filter((a) => a.src).at(-1)!;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
/** 'started' once the voice's play() resolves, 'never started' if it has not within a moment. */
const outcome = (playing: Promise<void>) =>
  Promise.race([playing.then(() => 'started'), new Promise((resolve) => setTimeout(resolve, 200, 'never started'))]);

describe('howler voices (production backend)', () => {
  it('plays a track whose element said "ready" before knowing its length (WebKit), instead of ending it at once', async () => {
    const voice = backend.createVoice('A', '/api/tracks/t1/audio');
    const element = lastElement();
    let ended = 0;
    voice.onEnded(() => (ended += 1));
    let ready = false;
    voice.onReady(() => (ready = true));
    element.ready(0);
    await flush(); // howler emits its events from timers
    expect(ready).toBe(true);
    expect(voice.duration()).toBeNaN();
    element.learnDuration(31.1);

    expect(await outcome(voice.play())).toBe('started');
    expect(element.playCalls).toBe(1);
    expect(element.paused).toBe(false);
    expect(voice.isPlaying()).toBe(true);
    expect(ended).toBe(0);
    expect(voice.duration()).toBeCloseTo(31.1, 5);

    // Pause and play again: the same element resumes (no second sound, no instant end).
    voice.pause();
    expect(element.paused).toBe(true);
    expect(await outcome(voice.play())).toBe('started');
    await flush();
    expect(element.playCalls).toBe(2);
    expect(ended).toBe(0);
    voice.unload();
  });

  it('a play tapped before the element is ready starts once it is, even with the length still unknown', async () => {
    const voice = backend.createVoice('B', '/api/tracks/t2/audio');
    const element = lastElement();
    let ended = 0;
    voice.onEnded(() => (ended += 1));
    const playing = voice.play();
    element.ready(0);
    expect(await outcome(playing)).toBe('started');
    await flush();
    expect(element.paused).toBe(false);
    expect(ended).toBe(0);
    voice.unload();
  });

  it('a seek while playing never looks like a pause (howler pauses and replays the element around it)', async () => {
    const voice = backend.createVoice('player', '/api/tracks/t4/audio');
    const element = lastElement();
    element.ready(30);
    expect(await outcome(voice.play())).toBe('started');
    voice.seek(12);
    expect(voice.isPlaying()).toBe(true);
    await flush();
    await flush();
    expect(element.paused).toBe(false);
    expect(voice.isPlaying()).toBe(true);
    voice.pause();
    expect(voice.isPlaying()).toBe(false);
    voice.unload();
  });

  it('a seek to a part not buffered yet (offline or streaming) still plays on: the element waits for data, the voice stays playing', async () => {
    const voice = backend.createVoice('player', '/api/tracks/t5/audio');
    const element = lastElement();
    let ended = 0;
    voice.onEnded(() => (ended += 1));
    element.ready(60);
    expect(await outcome(voice.play())).toBe('started');
    // Setting currentTime past the buffered data drops the element to HAVE_METADATA until the
    // range arrives: howler's replay then waits for `canplaythrough`, and its 'seek' event comes first.
    element.readyState = 1;
    voice.seek(40);
    for (let i = 0; i < 5; i += 1) await flush();
    expect(element.paused).toBe(true); // not replayed yet: waiting for data
    expect(voice.isPlaying()).toBe(true); // …which is no pause: the engine must not stop following it
    expect(voice.position()).toBe(40);
    element.ready(60); // the range is in
    await flush();
    expect(element.paused).toBe(false);
    expect(element.currentTime).toBe(40);
    expect(voice.isPlaying()).toBe(true);
    expect(ended).toBe(0);
    // A real pause afterwards is one.
    voice.pause();
    await flush();
    expect(voice.isPlaying()).toBe(false);
    voice.unload();
  });

  it('a pause while a seek waits for data is a pause', async () => {
    const voice = backend.createVoice('player', '/api/tracks/t6/audio');
    const element = lastElement();
    element.ready(60);
    expect(await outcome(voice.play())).toBe('started');
    element.readyState = 1;
    voice.seek(40);
    for (let i = 0; i < 5; i += 1) await flush();
    voice.pause();
    expect(voice.isPlaying()).toBe(false);
    element.ready(60);
    for (let i = 0; i < 5; i += 1) await flush();
    expect(element.paused).toBe(true); // howler ran the queued pause after its replay
    expect(voice.isPlaying()).toBe(false);
    voice.unload();
  });

  it('still ends when the element plays to its end', async () => {
    const voice = backend.createVoice('player', '/api/tracks/t3/audio');
    const element = lastElement();
    let ended = 0;
    voice.onEnded(() => (ended += 1));
    element.ready(12);
    await voice.play();
    element.playToEnd();
    await flush();
    expect(ended).toBe(1);
    expect(voice.isPlaying()).toBe(false);
    voice.unload();
  });
});
