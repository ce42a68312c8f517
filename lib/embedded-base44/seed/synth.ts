import { Prng } from './prng';

export const SAMPLE_RATE = 24_000;
/** Samples in one MPEG-2 Layer III frame: loops are a whole number of frames long. */
export const FRAME_SAMPLES = 576;
// One bar keeps the first start quick: encoding is the slow part of seeding.
const BARS = 1;
const STEPS = BARS * 16;

export interface LoopRecipe {
  readonly bpm: number;
  readonly camelotKey: string;
  readonly genre: string;
  readonly seed: number;
}

export interface SynthesizedLoop {
  readonly samples: Int16Array;
  /** The loop's real tempo: its length is rounded to whole MP3 frames (within 0.7 %). */
  readonly bpm: number;
}

const BREAKBEAT = new Set(['Drum & Bass', 'Breaks']);
const DRIVEN = new Set(['Techno', 'Hard Techno', 'Tech House', 'Minimal / Deep Tech']);
const MELODIC = new Set(['Melodic House & Techno', 'Trance', 'Progressive House', 'Disco / Nu Disco', 'Indie Dance', 'Electronica', 'Afro House', 'Organic House']);

/** A one-bar kick, clap, hat, bass and pluck loop in the track's key and tempo. */
export function synthesizeLoop(recipe: LoopRecipe): SynthesizedLoop {
  const random = new Prng(recipe.seed);
  const barSamples = (4 * 60 * SAMPLE_RATE) / recipe.bpm;
  const length = Math.round((BARS * barSamples) / FRAME_SAMPLES) * FRAME_SAMPLES;
  const step = length / STEPS;
  const mix = new Float32Array(length);
  // Voices wrap around the loop end, so the loop repeats without a seam.
  const add = (at: number, seconds: number, voice: (t: number, i: number) => number) => {
    const start = Math.round(at);
    const count = Math.round(seconds * SAMPLE_RATE);
    for (let i = 0; i < count; i++) mix[(start + i) % length]! += voice(i / SAMPLE_RATE, i);
  };
  const noise = () => random.next() * 2 - 1;
  const { root, scale } = keyOf(recipe.camelotKey);
  const drive = DRIVEN.has(recipe.genre) ? (recipe.genre === 'Hard Techno' ? 4 : 1.8) : 1;

  for (let s = 0; s < STEPS; s++) {
    const inBar = s % 16;
    const kick = BREAKBEAT.has(recipe.genre) ? [0, 10].includes(inBar) || (inBar === 7 && recipe.genre === 'Breaks') : inBar % 4 === 0;
    if (kick) add(s * step, 0.35, kickVoice(drive));
    if (inBar === 4 || inBar === 12) add(s * step, 0.22, clapVoice(noise));
    const openHat = inBar % 4 === 2;
    if (openHat || (DRIVEN.has(recipe.genre) && random.chance(0.6))) add(s * step, openHat ? 0.16 : 0.05, hatVoice(noise, openHat));
  }
  const bassSteps = Array.from({ length: STEPS }, (_, s) => (s % 4 === 2 ? random.chance(0.85) : random.chance(0.22)));
  bassSteps.forEach((on, s) => {
    if (!on) return;
    const degree = random.pick([0, 0, 0, 0, 4, 6, 7]);
    add(s * step, (step / SAMPLE_RATE) * 0.9, bassVoice(root * semitones(scale, degree)));
  });
  const leadChance = MELODIC.has(recipe.genre) ? 0.55 : 0.2;
  for (let s = 0; s < STEPS; s += 2) {
    if (!random.chance(leadChance)) continue;
    const degree = random.pick([0, 2, 4, 7, 9, 11]);
    add(s * step, 0.3, pluckVoice(root * 8 * semitones(scale, degree)));
  }
  return { samples: toInt16(mix), bpm: (BARS * 4 * 60 * SAMPLE_RATE) / length };
}

function kickVoice(drive: number) {
  let phase = 0;
  return (t: number) => {
    phase += (2 * Math.PI * (45 + 110 * Math.exp(-t * 28))) / SAMPLE_RATE;
    return Math.tanh(drive * Math.sin(phase)) * Math.exp(-t * 8) * 0.9;
  };
}

function clapVoice(noise: () => number) {
  let low = 0;
  return (t: number) => {
    const n = noise();
    low += 0.25 * (n - low);
    return (n - low) * Math.exp(-t * 22) * 0.35;
  };
}

function hatVoice(noise: () => number, open: boolean) {
  let previous = 0;
  return (t: number) => {
    const n = noise();
    const high = n - previous;
    previous = n;
    return high * Math.exp(-t * (open ? 18 : 70)) * 0.16;
  };
}

function bassVoice(frequency: number) {
  return (t: number) => {
    const x = 2 * Math.PI * frequency * t;
    const envelope = Math.min(1, t * 200) * Math.exp(-t * 5);
    return (Math.sin(x) + 0.45 * Math.sin(2 * x) + 0.2 * Math.sin(3 * x)) * envelope * 0.45;
  };
}

function pluckVoice(frequency: number) {
  return (t: number) => {
    const x = 2 * Math.PI * frequency * t;
    return (Math.sin(x) + 0.3 * Math.sin(2 * x)) * Math.min(1, t * 300) * Math.exp(-t * 11) * 0.16;
  };
}

const MINOR = [0, 2, 3, 5, 7, 8, 10];
const MAJOR = [0, 2, 4, 5, 7, 9, 11];

/** Camelot 8A is A minor, 8B C major; each number up is a fifth up. Bass roots sit in E1..D#2. */
function keyOf(camelot: string): { root: number; scale: number[] } {
  const match = /^(\d{1,2})([AB])$/.exec(camelot) ?? ['', '8', 'A'];
  const minorRoot = (((9 + 7 * (Number(match[1]) - 8)) % 12) + 12) % 12;
  const pitchClass = match[2] === 'B' ? (minorRoot + 3) % 12 : minorRoot;
  const midi = 28 + ((pitchClass - 4 + 12) % 12);
  return { root: 440 * 2 ** ((midi - 69) / 12), scale: match[2] === 'B' ? MAJOR : MINOR };
}

/** Frequency ratio of a scale degree (degrees past the octave climb into the next one). */
function semitones(scale: number[], degree: number): number {
  const octave = Math.floor(degree / scale.length);
  return 2 ** ((scale[degree % scale.length]! + 12 * octave) / 12);
}

function toInt16(mix: Float32Array): Int16Array {
  let peak = 1e-9;
  for (const v of mix) peak = Math.max(peak, Math.abs(v));
  const gain = (0.85 * 32767) / peak;
  const out = new Int16Array(mix.length);
  for (let i = 0; i < mix.length; i++) out[i] = Math.round(mix[i]! * gain);
  return out;
}
