// What the OS sees of the player: lock-screen / control-centre metadata and actions (Media
// Session), a screen wake lock while a deck plays, and "is anything playing?" for the update
// banner (lib/pwa/playback-guard). Everything is feature-detected.
import { reportPlayback } from '@/lib/pwa/playback-guard';
import type { PlayerEngine } from './engine';
import { browserEngine, mediaSessionArtwork } from './media-artwork';
import { nextTask } from './next-task';
import type { ChannelId, PlayerState, PlayerTrack } from './types';

const CHANNELS: ChannelId[] = ['player', 'A', 'B'];

/** The channel the lock screen controls: a playing deck, else the mini player, else a loaded deck. */
function focusChannel(state: PlayerState): ChannelId | null {
  if (state.decks.A.isPlaying) return 'A';
  if (state.decks.B.isPlaying) return 'B';
  if (state.player.track) return 'player';
  if (state.decks.A.track) return 'A';
  if (state.decks.B.track) return 'B';
  return null;
}

function channelState(state: PlayerState, channel: ChannelId) {
  return channel === 'player' ? state.player : state.decks[channel];
}

/**
 * When the lock screen needs the position again: the system extrapolates it from the last report
 * while playing, so only a new track or duration, a play / pause, or a jump (seek, cue) is told.
 */
export function createPositionReport() {
  let last: { key: string; duration: number; playing: boolean; position: number; at: number } | null = null;
  return {
    needed(key: string, duration: number, playing: boolean, position: number, now: number): boolean {
      const expected = last && last.playing ? last.position + (now - last.at) / 1000 : last?.position;
      const changed =
        !last || last.key !== key || last.duration !== duration || last.playing !== playing || Math.abs(position - (expected ?? position)) > 1;
      if (changed) last = { key, duration, playing, position, at: now };
      return changed;
    },
  };
}

export function bindPlatform(engine: PlayerEngine): () => void {
  let lastMetadataKey = '';
  let wakeLock: WakeLockSentinel | null = null;
  let wantWakeLock = false;
  let requesting = false;
  const session = typeof navigator !== 'undefined' && 'mediaSession' in navigator ? navigator.mediaSession : null;
  const artworkEngine = browserEngine();

  const target = () => focusChannel(engine.getState()) ?? 'player';
  if (session) {
    const handlers: Array<[MediaSessionAction, MediaSessionActionHandler]> = [
      ['play', () => engine.play(target())],
      ['pause', () => engine.pause(target())],
      ['nexttrack', () => engine.next()],
      ['previoustrack', () => engine.previous()],
      ['seekto', (details) => details.seekTime !== undefined && engine.seekTo(details.seekTime, target())],
      ['seekforward', (details) => engine.seekTo(channelState(engine.getState(), target()).position + (details.seekOffset ?? 10), target())],
      ['seekbackward', (details) => engine.seekTo(channelState(engine.getState(), target()).position - (details.seekOffset ?? 10), target())],
    ];
    for (const [action, handler] of handlers) {
      try {
        session.setActionHandler(action, handler);
      } catch {
        // This action is not supported by the browser.
      }
    }
  }

  async function syncWakeLock(want: boolean): Promise<void> {
    wantWakeLock = want;
    if (typeof navigator === 'undefined' || !('wakeLock' in navigator)) return;
    if (want && !wakeLock && !requesting && document.visibilityState === 'visible') {
      requesting = true;
      try {
        const lock = await navigator.wakeLock.request('screen');
        lock.addEventListener('release', () => {
          if (wakeLock === lock) wakeLock = null;
        });
        wakeLock = lock;
        // Playback stopped while the lock was being granted.
        if (!wantWakeLock) void syncWakeLock(false);
      } catch {
        wakeLock = null;
      } finally {
        requesting = false;
      }
    } else if (!want && wakeLock) {
      const lock = wakeLock;
      wakeLock = null;
      await lock.release().catch(() => undefined);
    }
  }
  // The system drops the lock when the page is hidden: take it again on return.
  const onVisible = () => {
    if (document.visibilityState === 'visible' && wantWakeLock) void syncWakeLock(true);
  };
  document.addEventListener('visibilitychange', onVisible);

  const sync = () => {
    const state = engine.getState();
    for (const channel of CHANNELS) reportPlayback(`player-${channel}`, channelState(state, channel).isPlaying);
    void syncWakeLock(state.decks.A.isPlaying || state.decks.B.isPlaying);
    if (!session) return;
    const channel = focusChannel(state);
    const current = channel ? channelState(state, channel) : null;
    const track = current?.track ?? null;
    const key = track ? `${channel}:${track.id}` : '';
    if (key !== lastMetadataKey && typeof MediaMetadata !== 'undefined') {
      lastMetadataKey = key;
      session.metadata = track
        ? new MediaMetadata({ title: track.title, artist: track.artist, album: channel === 'player' ? 'SPYNNERS' : `SPYNNERS · Deck ${channel}`, artwork: mediaSessionArtwork(track.artworkUrl, artworkEngine) })
        : null;
    }
    const playbackState = current?.isPlaying ? 'playing' : track ? 'paused' : 'none';
    if (session.playbackState !== playbackState) session.playbackState = playbackState;
    if (current && track && current.duration > 0 && 'setPositionState' in session) {
      const position = Math.min(current.position, current.duration);
      if (positionReport.needed(key, current.duration, current.isPlaying, position, performance.now())) {
        try {
          session.setPositionState({ duration: current.duration, position, playbackRate: 1 });
        } catch {
          // Position outside the duration while metadata loads: skip this update.
        }
      }
    }
  };
  const positionReport = createPositionReport();
  // In a task of its own, once per burst of changes: none of this has to happen inside a tap.
  const later = nextTask(sync);
  const unsubscribe = engine.subscribe(() => later.schedule());
  sync();
  return () => {
    unsubscribe();
    later.dispose();
    document.removeEventListener('visibilitychange', onVisible);
    for (const channel of CHANNELS) reportPlayback(`player-${channel}`, false);
    void syncWakeLock(false);
  };
}
