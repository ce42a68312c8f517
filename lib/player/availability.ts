// Whether a track can play where the console is now: with no network only downloaded tracks can.
// The engine asks before loading (no attempt that is bound to fail) and again when a load or a
// play fails, so the DJ reads why instead of the media stack's "format not supported" (what
// Chromium and Safari report for a source they could not fetch at all).
import type { PlayerTrack } from './types';

export const NOT_DOWNLOADED_MESSAGE = 'Not downloaded: connect to play it, or download it when you are back online.';

export interface TrackAvailability {
  /** Known at once: why `track` cannot play now (offline and not downloaded), else null. */
  blockReason(track: PlayerTrack): string | null;
  /** After a failed load or play: the message to show instead of `message` (checks the network). */
  explainFailure(track: PlayerTrack, message: string): Promise<string>;
}

export interface AvailabilityDeps {
  /** False once the console knows the server is unreachable. */
  isOnline: () => boolean;
  /** Asks the server now; resolves to whether it answered. */
  probe: () => Promise<boolean>;
  /** Whether the track's whole file is kept on the device; null while that is not known yet. */
  isDownloaded: (trackId: string) => boolean | null;
}

/** A locked VIP track plays its preview clip, which is never downloaded. */
function downloaded(track: PlayerTrack, deps: AvailabilityDeps): boolean | null {
  return track.preview ? false : deps.isDownloaded(track.id);
}

export function createTrackAvailability(deps: AvailabilityDeps): TrackAvailability {
  return {
    blockReason(track) {
      // Unknown (the download manager has not loaded yet): the load decides.
      return !deps.isOnline() && downloaded(track, deps) === false ? NOT_DOWNLOADED_MESSAGE : null;
    },
    async explainFailure(track, message) {
      // A downloaded file failing is a real media error; an unknown one failing offline was not kept.
      if (downloaded(track, deps) === true) return message;
      if (!deps.isOnline()) return NOT_DOWNLOADED_MESSAGE;
      const reachable = await deps.probe().catch(() => false);
      return reachable ? message : NOT_DOWNLOADED_MESSAGE;
    },
  };
}
