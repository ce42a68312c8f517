// A deck's cue point and four hot cues on one track, kept per DJ in IndexedDB (offline too).

export const HOT_CUE_SLOTS = 4;

export interface TrackCues {
  cuePoint: number | null;
  hotCues: Array<number | null>;
}

export const emptyCues = (): TrackCues => ({ cuePoint: null, hotCues: Array<number | null>(HOT_CUE_SLOTS).fill(null) });

/** The cues with slot `slot` set to `seconds` (null clears it). Out-of-range slots change nothing. */
export function withHotCue(cues: TrackCues, slot: number, seconds: number | null): TrackCues {
  if (!Number.isInteger(slot) || slot < 0 || slot >= HOT_CUE_SLOTS) return cues;
  const hotCues = normaliseHotCues(cues.hotCues);
  hotCues[slot] = seconds === null ? null : Math.max(0, round(seconds));
  return { ...cues, hotCues };
}

export function withCuePoint(cues: TrackCues, seconds: number | null): TrackCues {
  return { ...cues, cuePoint: seconds === null ? null : Math.max(0, round(seconds)) };
}

/** Millisecond precision: enough for a cue, and stable when stored. */
const round = (seconds: number) => Math.round(seconds * 1000) / 1000;

export function normaliseHotCues(slots: Array<number | null> | undefined): Array<number | null> {
  return Array.from({ length: HOT_CUE_SLOTS }, (_, i) => {
    const value = slots?.[i];
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
  });
}

export interface CueStore {
  load(userId: string, trackId: string): Promise<TrackCues | null>;
  save(userId: string, trackId: string, cues: TrackCues): Promise<void>;
}

