// A constant-bitrate MPEG-1 Layer III file for tests: an ID3v2 tag, then `frames` frames of
// 128 kb/s at 44.1 kHz (417 bytes, 1152 samples each) whose payload bytes are the frame's index
// (mod 200), so a test can tell which frames a cut kept.
export const FRAME_BYTES = 417;
export const FRAME_SECONDS = 1152 / 44100;
const TAG_BODY = 30;

export function syntheticMp3(frames: number): Uint8Array<ArrayBuffer> {
  const tag = new Uint8Array(10 + TAG_BODY);
  tag.set([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, TAG_BODY]);
  const out = new Uint8Array(tag.length + frames * FRAME_BYTES);
  out.set(tag);
  for (let i = 0; i < frames; i++) {
    const at = tag.length + i * FRAME_BYTES;
    out.fill(i % 200, at + 4, at + FRAME_BYTES);
    out.set([0xff, 0xfb, 0x90, 0x00], at);
  }
  return out;
}

export const AUDIO_START = 10 + TAG_BODY;

/** The frame indexes (mod 200) of a clip made of whole synthetic frames. */
export function frameIndexes(clip: Uint8Array): number[] {
  const indexes: number[] = [];
  for (let at = 0; at < clip.length; at += FRAME_BYTES) {
    if (clip[at] !== 0xff || clip[at + 1] !== 0xfb) throw new Error(`no frame header at ${at}`);
    indexes.push(clip[at + 4]!);
  }
  return indexes;
}
