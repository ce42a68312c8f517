import { concat, id3Tag } from './id3';
import { splitFrames } from '../../media/mp3-frames';
import { FRAME_SAMPLES, SAMPLE_RATE } from './synth';

const KBPS = 48;
/** Frames skipped before the loop is taken: past the encoder delay (~1100 samples) and its overlap. */
const WARM_UP_FRAMES = 4;

export interface EncodedTrack {
  readonly bytes: Uint8Array;
  readonly durationSeconds: number;
}

/**
 * Encodes one pass of a loop (a whole number of frames long) and repeats its frames until the
 * track lasts `minSeconds`. This is sound because lamejs's encoder runs without a bit
 * reservoir (every frame holds its own data), and the frames are taken from the steady state of
 * a periodic input, so the frame after the last one is, to the decoder, the first one again.
 */
export async function encodeLoopedMp3(
  loop: Int16Array,
  minSeconds: number,
  tags: Record<string, string>,
): Promise<EncodedTrack> {
  const loopFrames = loop.length / FRAME_SAMPLES;
  if (!Number.isInteger(loopFrames)) throw new Error('A loop must be a whole number of MP3 frames long');
  const input = new Int16Array((WARM_UP_FRAMES + loopFrames + WARM_UP_FRAMES) * FRAME_SAMPLES);
  for (let i = 0; i < input.length; i++) input[i] = loop[i % loop.length]!;
  const encoder = new (await loadEncoder())(1, SAMPLE_RATE, KBPS);
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < input.length; i += FRAME_SAMPLES * 16) {
    chunks.push(encoder.encodeBuffer(input.subarray(i, i + FRAME_SAMPLES * 16)));
  }
  chunks.push(encoder.flush());
  const frames = splitFrames(concat(chunks)).slice(WARM_UP_FRAMES, WARM_UP_FRAMES + loopFrames);
  if (frames.length !== loopFrames) throw new Error('The encoder returned fewer frames than expected');
  const repeats = Math.ceil((minSeconds * SAMPLE_RATE) / loop.length);
  const body = concat(Array.from({ length: repeats }, () => frames).flat());
  return {
    bytes: concat([id3Tag(tags), body]),
    durationSeconds: (repeats * loop.length) / SAMPLE_RATE,
  };
}

/**
 * The package's `require` entry is a browser IIFE that exports nothing, and `tsx` runs this
 * folder as CommonJS: a dynamic import always takes the ES module entry.
 */
async function loadEncoder() {
  const lamejs = await import('@breezystack/lamejs');
  return lamejs.Mp3Encoder;
}
