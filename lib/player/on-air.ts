// The on-air rule (issue #6 → the session log of issue #7): a play counts once its source has been
// audible (playing, and its gain above ON_AIR_MIN_GAIN) for ON_AIR_THRESHOLD_MS in total. Time is
// measured by the engine's clock (performance.now and timers), so tests can fast-forward it.
import { ON_AIR_THRESHOLD_MS, type OnAirPlay } from '@/lib/sessions/on-air-log';
import type { ChannelId, PlayerTrack } from './types';

/** Below this gain (fader × crossfader share, or the player's volume) a source is not on air. */
export const ON_AIR_MIN_GAIN = 0.1;
/** Once on air, the row's audibleMs is rewritten at most this often while it keeps playing. */
export const ON_AIR_UPDATE_EVERY_MS = 5_000;

interface CurrentPlay {
  id: string;
  track: PlayerTrack;
  audibleMs: number;
  startedAt: number | null;
  recorded: boolean;
  writtenMs: number;
}

export interface OnAirDeps {
  record: (play: OnAirPlay) => Promise<void>;
  /** Epoch ms (Date.now), for startedAt. */
  wallNow: () => number;
  newId: () => string;
  userId: () => string | null;
  thresholdMs?: number;
  onError?: (error: unknown) => void;
}

export class OnAirTracker {
  private readonly plays = new Map<ChannelId, CurrentPlay>();
  private readonly threshold: number;

  constructor(private readonly deps: OnAirDeps) {
    this.threshold = deps.thresholdMs ?? ON_AIR_THRESHOLD_MS;
  }

  /** A new track is on `channel`: a new play begins (the previous one is closed). */
  begin(channel: ChannelId, track: PlayerTrack): void {
    this.end(channel);
    this.plays.set(channel, { id: this.deps.newId(), track, audibleMs: 0, startedAt: null, recorded: false, writtenMs: 0 });
  }

  /** The channel's play is over (track changed or unloaded): its final audible time is written. */
  end(channel: ChannelId): void {
    const play = this.plays.get(channel);
    this.plays.delete(channel);
    if (play?.recorded && play.audibleMs > play.writtenMs) this.write(channel, play);
  }

  /** `elapsedMs` passed; `audible` says which channels were heard meanwhile. */
  advance(elapsedMs: number, audible: (channel: ChannelId) => boolean): void {
    if (!(elapsedMs > 0)) return;
    for (const [channel, play] of this.plays) {
      if (!audible(channel)) continue;
      play.startedAt ??= this.deps.wallNow() - elapsedMs;
      play.audibleMs += elapsedMs;
      if (!play.recorded && play.audibleMs >= this.threshold) {
        play.recorded = true;
        this.write(channel, play);
      } else if (play.recorded && play.audibleMs - play.writtenMs >= ON_AIR_UPDATE_EVERY_MS) {
        this.write(channel, play);
      }
    }
  }

  status(channel: ChannelId): { audibleMs: number; onAir: boolean } {
    const play = this.plays.get(channel);
    return { audibleMs: play?.audibleMs ?? 0, onAir: play?.recorded ?? false };
  }

  private write(channel: ChannelId, play: CurrentPlay): void {
    const userId = this.deps.userId();
    if (!userId || play.startedAt === null) return;
    play.writtenMs = play.audibleMs;
    const row: OnAirPlay = {
      id: play.id,
      userId,
      trackId: play.track.id,
      title: play.track.title,
      artist: play.track.artist,
      producerId: play.track.producerId,
      source: channel,
      startedAt: play.startedAt,
      audibleMs: Math.round(play.audibleMs),
    };
    this.deps.record(row).catch((error: unknown) => this.deps.onError?.(error));
  }
}
