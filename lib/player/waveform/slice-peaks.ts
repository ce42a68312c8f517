// The overview's arithmetic, shared by the worker and the main-thread fallback: the loudest sample
// of every 50 ms of the track, then spread over WAVEFORM_BUCKETS bars scaled to the loudest.

export const WAVEFORM_BUCKETS = 600;
export const SLICE_SECONDS = 0.05;

export interface Waveform {
  peaks: number[];
  durationSeconds: number;
}

/** Running peaks per SLICE_SECONDS; blocks of samples may come in any order and size. */
export class SlicePeaks {
  readonly slices: number[] = [];

  /** `channels`: the block's samples per channel, starting `startSeconds` into the track. */
  add(startSeconds: number, sampleRate: number, channels: ArrayLike<number>[]): void {
    const perSlice = SLICE_SECONDS * sampleRate;
    const offset = startSeconds * sampleRate; // the block's first sample, counted from the track's start
    for (const data of channels) {
      let i = 0;
      while (i < data.length) {
        const slice = Math.floor((offset + i) / perSlice);
        const end = Math.min(data.length, Math.ceil((slice + 1) * perSlice - offset));
        let peak = 0;
        for (let j = i; j < end; j += 1) {
          const v = Math.abs(data[j]!);
          if (v > peak) peak = v;
        }
        if (peak > (this.slices[slice] ?? 0)) this.slices[slice] = peak;
        else this.slices[slice] ??= 0;
        i = Math.max(end, i + 1);
      }
    }
  }
}

/** `slices` (one value per SLICE_SECONDS) spread over `buckets`, the loudest scaled to 1. */
export function toBuckets(slices: number[], buckets: number): number[] {
  const out = new Array<number>(buckets).fill(0);
  if (slices.length === 0) return out;
  for (let i = 0; i < slices.length; i += 1) {
    const bucket = Math.min(buckets - 1, Math.floor((i / slices.length) * buckets));
    out[bucket] = Math.max(out[bucket]!, slices[i] ?? 0);
  }
  const max = Math.max(...out);
  return out.map((v) => (max > 0 ? Math.round((v / max) * 1000) / 1000 : 0));
}
