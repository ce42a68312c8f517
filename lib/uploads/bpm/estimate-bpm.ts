// Tempo from audio: an onset-strength envelope (rises in short-time energy), its autocorrelation
// over the lags of plausible tempos, a comb over multiples of each lag so the beat wins over a
// single strong interval, and a parabola through the peak for a fractional lag. Pure: runs in a
// Web Worker (bpm.worker.ts) and in unit tests alike.

export interface BpmRange {
  min: number;
  max: number;
}

/** Dance music's usual span: a peak outside it is read at double or half tempo. */
export const DJ_BPM_RANGE: BpmRange = { min: 70, max: 180 };

export interface BpmEstimate {
  bpm: number;
  /** 0..1: how much the winning lag stands out from the average lag. */
  confidence: number;
}

/** About 344 envelope values a second: ±0.5 lag is ±0.4 BPM at 128. */
const ENVELOPE_RATE = 344;
const MIN_SECONDS = 4;

export function onsetEnvelope(samples: Float32Array, sampleRate: number): { envelope: Float32Array; rate: number } {
  const hop = Math.max(1, Math.round(sampleRate / ENVELOPE_RATE));
  const frames = Math.floor(samples.length / hop);
  const energy = new Float32Array(frames);
  for (let f = 0; f < frames; f++) {
    let sum = 0;
    const start = f * hop;
    // A window of two hops, so consecutive frames overlap by half.
    const end = Math.min(samples.length, start + 2 * hop);
    for (let i = start; i < end; i++) sum += samples[i]! * samples[i]!;
    energy[f] = Math.log1p(1000 * sum / (end - start));
  }
  const envelope = new Float32Array(frames);
  for (let f = 1; f < frames; f++) envelope[f] = Math.max(0, energy[f]! - energy[f - 1]!);
  // Remove the slow trend (about half a second): only sharp onsets stay.
  const span = Math.round((sampleRate / hop) * 0.25);
  let running = 0;
  const mean = new Float32Array(frames);
  for (let f = 0; f < frames; f++) {
    running += envelope[f]!;
    if (f > 2 * span) running -= envelope[f - 2 * span - 1]!;
    mean[Math.max(0, f - span)] = running / Math.min(f + 1, 2 * span + 1);
  }
  for (let f = 0; f < frames; f++) envelope[f] = Math.max(0, envelope[f]! - mean[f]!);
  return { envelope, rate: sampleRate / hop };
}

/** Log-normal around 125 BPM, about an octave wide. */
function tempoPrior(bpm: number): number {
  const octaves = Math.log2(bpm / 125);
  return Math.exp(-0.5 * (octaves / 0.9) ** 2);
}

function autocorrelation(envelope: Float32Array, lag: number): number {
  let sum = 0;
  const n = envelope.length - lag;
  for (let i = 0; i < n; i++) sum += envelope[i]! * envelope[i + lag]!;
  return n > 0 ? sum / n : 0;
}

/** The tempo of mono PCM samples, or null when there is too little audio or no clear pulse. */
export function estimateBpm(samples: Float32Array, sampleRate: number, range: BpmRange = DJ_BPM_RANGE): BpmEstimate | null {
  if (samples.length < sampleRate * MIN_SECONDS) return null;
  const { envelope, rate } = onsetEnvelope(samples, sampleRate);
  const lagOf = (bpm: number) => (60 * rate) / bpm;
  const minLag = Math.floor(lagOf(range.max));
  const maxLag = Math.ceil(lagOf(range.min));
  if (maxLag * 4 >= envelope.length) return null;
  const cache = new Map<number, number>();
  const r = (lag: number) => {
    let value = cache.get(lag);
    if (value === undefined) cache.set(lag, (value = autocorrelation(envelope, lag)));
    return value;
  };
  /**
   * A lag's score: its own correlation plus, less and less, its multiples' (bars repeat beats),
   * weighted by a broad prior around 125 BPM: a kick on every beat correlates as well at two
   * beats, and the prior settles that octave in favour of the tempo DJs count.
   */
  const score = (lag: number) =>
    (r(lag) + 0.5 * r(2 * lag) + 0.25 * r(3 * lag) + 0.125 * r(4 * lag)) * tempoPrior((60 * rate) / lag);
  let best = minLag;
  let total = 0;
  const scores: number[] = [];
  for (let lag = minLag; lag <= maxLag; lag++) {
    const s = score(lag);
    scores.push(s);
    total += s;
    if (s > score(best)) best = lag;
  }
  const peak = score(best);
  if (peak <= 0) return null;
  // Parabolic interpolation around the best integer lag.
  const before = best > minLag ? score(best - 1) : peak;
  const after = best < maxLag ? score(best + 1) : peak;
  const curvature = before - 2 * peak + after;
  const offset = curvature < 0 ? (0.5 * (before - after)) / curvature : 0;
  let bpm = (60 * rate) / (best + Math.max(-0.5, Math.min(0.5, offset)));
  while (bpm < range.min) bpm *= 2;
  while (bpm >= range.max * 1.0001 && bpm / 2 >= range.min) bpm /= 2;
  const average = total / scores.length;
  const rounded = Math.abs(bpm - Math.round(bpm)) < 0.25 ? Math.round(bpm) : Math.round(bpm * 10) / 10;
  return { bpm: rounded, confidence: Math.max(0, Math.min(1, 1 - average / peak)) };
}
