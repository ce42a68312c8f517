// The engine as the browser runs it: howler + Web Audio backend, IndexedDB for cues and on-air
// plays, OS integration. Loaded lazily (store.ts): howler and the engine stay out of first load.
import { getConnectivity } from '@/lib/offline/connectivity';
import { loadedDownloadManager } from '@/lib/offline/downloads/browser';
import { recordOnAirPlay } from '@/lib/sessions/on-air-log';
import { audioContext } from './audio-output';
import { createTrackAvailability, type TrackAvailability } from './availability';
import { browserClock } from './backend';
import { dexieCueStore } from './cue-store';
import { PlayerEngine } from './engine';
import { HowlerBackend } from './howler-backend';
import { bindPlatform } from './platform';
import type { ChannelId } from './types';

export interface BrowserPlayer {
  engine: PlayerEngine;
  /** The value a channel's Web Audio gain node really holds (null before its first track). */
  channelGain(channel: ChannelId): number | null;
}

export function createBrowserPlayer(): BrowserPlayer {
  const ctx = audioContext();
  const backend = new HowlerBackend(ctx);
  const engine = new PlayerEngine({
    backend,
    clock: browserClock,
    cues: dexieCueStore(),
    record: (play) => recordOnAirPlay(play),
    onError: (error) => console.warn('[player]', error),
    availability: browserAvailability(),
  });
  bindPlatform(engine);
  ctx?.addEventListener('statechange', () => engine.refreshAudioStatus());
  return { engine, channelGain: (channel) => backend.channelGain(channel) };
}

/** Offline per the console's reachability probes (and the browser's own flag), downloads per the manager. */
function browserAvailability(): TrackAvailability {
  const connectivity = getConnectivity();
  return createTrackAvailability({
    isOnline: () => connectivity.getSnapshot().online && navigator.onLine !== false,
    probe: () => connectivity.probe(),
    isDownloaded: (trackId) => {
      const snapshot = loadedDownloadManager()?.getSnapshot();
      return snapshot?.loaded ? snapshot.offlineIds.has(trackId) : null;
    },
  });
}
