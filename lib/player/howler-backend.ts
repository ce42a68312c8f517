// The production audio backend: howler in HTML5 mode (media elements: long tracks stream, never
// decoded whole; howler keeps a pool of elements unlocked by a tap for iOS), each element routed
// MediaElementAudioSourceNode → the channel's GainNode → speakers. Gain, faders and crossfader are
// Web Audio gains because iOS ignores media-element volume.
import { Howl, Howler } from 'howler';
import type { AudioBackend, Voice } from './backend';
import type { AudioStatus, ChannelId } from './types';

/** Howler's internals this backend relies on (howler 2.2): its sounds' media elements and unlocker. */
interface HowlInternals {
  _sounds: Array<{ _node?: HTMLAudioElement }>;
}
interface HowlerInternals {
  _mobileUnloaded?: boolean;
  _unlockAudio?: () => void;
}

/** Whether this browser can change tempo without changing pitch (key lock). */
export function keyLockSupported(): boolean {
  if (typeof HTMLMediaElement === 'undefined') return false;
  const proto = HTMLMediaElement.prototype as unknown as Record<string, unknown>;
  return 'preservesPitch' in proto || 'webkitPreservesPitch' in proto || 'mozPreservesPitch' in proto;
}

function setPreservesPitch(node: HTMLMediaElement, keep: boolean): void {
  const element = node as HTMLMediaElement & { webkitPreservesPitch?: boolean; mozPreservesPitch?: boolean };
  if ('preservesPitch' in element) element.preservesPitch = keep;
  if ('webkitPreservesPitch' in element) element.webkitPreservesPitch = keep;
  if ('mozPreservesPitch' in element) element.mozPreservesPitch = keep;
}

/**
 * Gives howler our AudioContext, so its tap unlocker resumes the same context the mixer uses, and
 * keeps howler from replacing it (its "mobile unload" closes a context whose rate is not 44.1 kHz)
 * or suspending it (howler's auto-suspend does not see HTML5 sounds, so it would mute the mixer).
 */
function shareContextWithHowler(ctx: AudioContext): GainNode {
  const master = ctx.createGain();
  master.connect(ctx.destination);
  Howler.autoSuspend = false;
  Howler.ctx = ctx;
  Howler.masterGain = master;
  const internals = Howler as unknown as HowlerInternals;
  internals._mobileUnloaded = true;
  internals._unlockAudio?.();
  return master;
}

/**
 * Howler's default sprite (what `play()` without a name plays). Given explicitly, howler keeps it;
 * it must stay `__default`: a named sprite gets an end timer, and setTimeout(…, Infinity) fires at once.
 */
const OPEN_ENDED = '__default';

class HowlerVoice implements Voice {
  private readonly howl: Howl;
  private readonly node: HTMLAudioElement | null;
  private pendingSeek = 0;
  /**
   * Where a voice that is not playing stands. Its element's own time is not it: howler's unlock, at
   * the page's first touch, reloads every element not yet unlocked (`node.load()`: back to 0), while
   * howler keeps the position it resumes from. A restored deck paused at 42 s then said 0 s.
   */
  private heldAt: number | null = null;
  /** Set while howler replays the element around a seek; cleared by its next `play` event. */
  private resumingAfterSeek = false;
  private readonly endResume = () => {
    this.resumingAfterSeek = false;
    this.node?.removeEventListener('play', this.endResume);
    this.howl.off('playerror', this.endResume);
  };
  private rate = 1;
  private keyLock = true;
  private source: MediaElementAudioSourceNode | null = null;
  private readonly ended: Array<() => void> = [];
  private readonly errors: Array<(message: string) => void> = [];

  constructor(src: string, private readonly route: (node: HTMLAudioElement) => MediaElementAudioSourceNode | null) {
    this.howl = new Howl({
      src: [src],
      html5: true,
      // Our audio URLs have no extension (/api/tracks/{id}/audio); the media stack sniffs the bytes.
      format: ['mp3'],
      preload: true,
      // Howler copies the element's duration into its default sprite at `canplaythrough` and ends
      // any play starting at or past the sprite's end. WebKit (WebKitGTK's GStreamer, iPad Safari
      // on some streams) can fire `canplaythrough` with `duration === 0` and learn the length a
      // moment later: the sprite became [0, 0] and every play "ended" at once (a deck paused back at
      // its cue on tap, the mini player skipped through its queue). An open-ended sprite leaves the
      // end to the element's own `ended` event.
      sprite: { [OPEN_ENDED]: [0, Number.POSITIVE_INFINITY] },
      onend: () => this.ended.forEach((listener) => listener()),
      onloaderror: (_id, error) => this.errors.forEach((listener) => listener(describe(error, 'The audio could not be loaded.'))),
    });
    this.node = (this.howl as unknown as HowlInternals)._sounds[0]?._node ?? null;
    if (this.node) this.source = this.route(this.node);
  }

  play(): Promise<void> {
    return new Promise((resolve, reject) => {
      const onPlay = () => {
        this.heldAt = null;
        this.howl.off('playerror', onError);
        this.applyRate();
        resolve();
      };
      const onError = (_id: number, error: unknown) => {
        this.howl.off('play', onPlay);
        reject(Object.assign(new Error(describe(error, 'The browser blocked audio: tap play again.')), { name: 'NotAllowedError' }));
      };
      this.howl.once('play', onPlay);
      this.howl.once('playerror', onError);
      if (this.pendingSeek > 0 && this.howl.state() !== 'loaded') this.howl.seek(this.pendingSeek);
      this.howl.play();
      this.applyRate();
    });
  }

  pause(): void {
    this.endResume();
    if (this.howl.playing()) this.heldAt = this.node && this.howl.state() === 'loaded' ? this.node.currentTime : this.pendingSeek;
    this.howl.pause();
  }

  seek(seconds: number): void {
    // Howler keeps its own copy of the position (it restarts from it on play): always go through it.
    this.pendingSeek = seconds;
    // Howler seeks a playing element by pausing it and playing it again later: meanwhile the element
    // says "paused", and the engine would take it for a pause from outside (and stop following a
    // track that then plays on to its end). "Later" is a task when the target is buffered, but when
    // it is not (a seek offline or while streaming: the element drops to HAVE_METADATA until the
    // range arrives) howler waits for `canplaythrough` and emits its 'seek' event before that: only
    // the element's own `play` event says the replay has happened.
    if (this.node && !this.resumingAfterSeek && this.howl.playing() && this.isPlaying()) {
      this.resumingAfterSeek = true;
      this.node.addEventListener('play', this.endResume);
      this.howl.once('playerror', this.endResume);
    }
    if (!this.howl.playing()) this.heldAt = seconds;
    this.howl.seek(seconds);
  }

  position(): number {
    if (this.heldAt !== null && !this.howl.playing()) return this.heldAt;
    if (this.node && this.howl.state() === 'loaded') return this.node.currentTime;
    return this.pendingSeek;
  }

  /** Seconds; NaN while unknown (WebKit reports 0 until it has parsed the stream). */
  duration(): number {
    const fromNode = this.node?.duration ?? Number.NaN;
    if (Number.isFinite(fromNode) && fromNode > 0) return fromNode;
    const fromHowler = this.howl.duration();
    return Number.isFinite(fromHowler) && fromHowler > 0 ? fromHowler : Number.NaN;
  }

  isPlaying(): boolean {
    if (this.resumingAfterSeek) return true;
    return this.node ? !this.node.paused && !this.node.ended : this.howl.playing();
  }

  setRate(rate: number, keyLock: boolean): void {
    this.rate = rate;
    this.keyLock = keyLock;
    this.applyRate();
  }

  onReady(listener: () => void): void {
    if (this.howl.state() === 'loaded') queueMicrotask(listener);
    else this.howl.once('load', listener);
  }

  onEnded(listener: () => void): void {
    this.ended.push(listener);
  }

  onError(listener: (message: string) => void): void {
    this.errors.push(listener);
  }

  unload(): void {
    this.endResume();
    this.howl.stop();
    // The element goes back to howler's pool: detach it from this channel first.
    this.source?.disconnect();
    this.howl.unload();
  }

  private applyRate(): void {
    if (!this.node) return;
    setPreservesPitch(this.node, this.keyLock);
    if (this.node.playbackRate !== this.rate) this.node.playbackRate = this.rate;
  }
}

function describe(error: unknown, fallback: string): string {
  if (typeof error === 'string' && error) return error;
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'number') return error === 4 ? 'This audio format is not supported here.' : fallback;
  return fallback;
}

export class HowlerBackend implements AudioBackend {
  readonly keyLockSupported = keyLockSupported();
  private readonly gains = new Map<ChannelId, GainNode>();
  private readonly values = new Map<ChannelId, number>();
  /** An element can feed one source node for life; howler reuses pooled elements. */
  private readonly sources = new WeakMap<HTMLMediaElement, MediaElementAudioSourceNode>();
  private readonly voices = new Map<ChannelId, HTMLAudioElement | null>();

  constructor(private readonly ctx: AudioContext | null) {
    if (ctx) shareContextWithHowler(ctx);
  }

  createVoice(channel: ChannelId, src: string): Voice {
    const voice = new HowlerVoice(src, (node) => this.route(channel, node));
    return voice;
  }

  setChannelGain(channel: ChannelId, gain: number): void {
    this.values.set(channel, gain);
    const node = this.gains.get(channel);
    if (node) {
      // The setter applies at the next render quantum and reads back at once (even while suspended).
      node.gain.value = gain;
      return;
    }
    const element = this.voices.get(channel);
    if (element) element.volume = gain;
  }

  /** The value the channel's gain node really has (tests read it through the deck's data attributes). */
  channelGain(channel: ChannelId): number | null {
    const node = this.gains.get(channel);
    return node ? node.gain.value : null;
  }

  unlock(): void {
    if (this.ctx && this.ctx.state !== 'running') void this.ctx.resume().catch(() => undefined);
  }

  status(): AudioStatus {
    if (!this.ctx) return 'unavailable';
    return this.ctx.state === 'running' ? 'running' : 'suspended';
  }

  private route(channel: ChannelId, node: HTMLAudioElement): MediaElementAudioSourceNode | null {
    this.voices.set(channel, node);
    if (!this.ctx) {
      // No Web Audio: element volume is the only control left (ignored on iOS, which has Web Audio).
      node.volume = this.values.get(channel) ?? 1;
      return null;
    }
    let source = this.sources.get(node);
    if (!source) {
      source = this.ctx.createMediaElementSource(node);
      this.sources.set(node, source);
    }
    source.disconnect();
    source.connect(this.channelNode(channel));
    return source;
  }

  private channelNode(channel: ChannelId): GainNode {
    let node = this.gains.get(channel);
    if (!node && this.ctx) {
      node = this.ctx.createGain();
      node.gain.value = this.values.get(channel) ?? 1;
      node.connect(this.ctx.destination);
      this.gains.set(channel, node);
    }
    return node!;
  }
}
