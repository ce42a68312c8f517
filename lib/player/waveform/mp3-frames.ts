// MP3 frame headers, enough to cut a stream into pieces that start on a frame (each piece then
// decodes on its own) and to know each piece's exact duration. Constant memory, any length.

const BITRATES_V1 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const BITRATES_V2 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
const SAMPLE_RATES: Record<number, number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

export interface FrameHeader {
  length: number;
  seconds: number;
}

/** The Layer III frame header at `i`, or null when the bytes there are not one. */
export function readFrameHeader(bytes: Uint8Array, i: number): FrameHeader | null {
  if (i + 4 > bytes.length) return null;
  const b1 = bytes[i + 1]!;
  const b2 = bytes[i + 2]!;
  if (bytes[i] !== 0xff || (b1 & 0xe0) !== 0xe0) return null;
  const version = (b1 >> 3) & 3;
  const layer = (b1 >> 1) & 3;
  const bitrateIndex = b2 >> 4;
  const rateIndex = (b2 >> 2) & 3;
  if (version === 1 || layer !== 1 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return null;
  const mpeg1 = version === 3;
  const bitrate = (mpeg1 ? BITRATES_V1 : BITRATES_V2)[bitrateIndex]! * 1000;
  const sampleRate = SAMPLE_RATES[version]![rateIndex]!;
  const samples = mpeg1 ? 1152 : 576;
  const padding = (b2 >> 1) & 1;
  return { length: Math.floor(((samples / 8) * bitrate) / sampleRate) + padding, seconds: samples / sampleRate };
}

const isSync = (bytes: Uint8Array, i: number) => bytes[i] === 0xff && (bytes[i + 1]! & 0xe0) === 0xe0;

export interface FramePiece {
  bytes: Uint8Array;
  /** Where the piece starts in the track, and how long it lasts (seconds). */
  startSeconds: number;
  seconds: number;
}

/** Feed the file's bytes in order (any chunk sizes); get back frame-aligned pieces of ≥ `pieceBytes`. */
export class Mp3FrameSplitter {
  private buffer: Uint8Array = new Uint8Array(0);
  private scanned = 0;
  private pieceStart = -1;
  private pieceSeconds = 0;
  private elapsed = 0;
  private skip = -1;
  frames = 0;

  constructor(private readonly pieceBytes = 256 * 1024) {}

  push(chunk: Uint8Array): FramePiece[] {
    const joined = new Uint8Array(this.buffer.length + chunk.length);
    joined.set(this.buffer);
    joined.set(chunk, this.buffer.length);
    this.buffer = joined;
    if (this.skip < 0) {
      if (this.buffer.length < 10) return [];
      // An ID3v2 tag first: its size is four 7-bit bytes.
      const b = this.buffer;
      this.skip = b[0] === 0x49 && b[1] === 0x44 && b[2] === 0x33 ? 10 + ((b[6]! << 21) | (b[7]! << 14) | (b[8]! << 7) | b[9]!) : 0;
      this.scanned = 0;
    }
    return this.scan(false);
  }

  /** The rest of the stream, once it has ended. */
  finish(): FramePiece[] {
    return this.scan(true);
  }

  /** Total duration of the frames seen so far. */
  get durationSeconds(): number {
    return this.elapsed;
  }

  private scan(ending: boolean): FramePiece[] {
    const pieces: FramePiece[] = [];
    const bytes = this.buffer;
    let i = Math.max(this.scanned, this.skip);
    let start = this.pieceStart;
    while (i + 4 <= bytes.length) {
      const header = readFrameHeader(bytes, i);
      const next = header ? i + header.length : 0;
      // A false sync inside audio data: a real frame is followed by another (or by the end).
      if (!header || (next + 2 <= bytes.length && !isSync(bytes, next))) {
        i += 1;
        continue;
      }
      if (next > bytes.length) break;
      if (start < 0) start = i;
      this.pieceSeconds += header.seconds;
      this.frames += 1;
      i = next;
      if (i - start >= this.pieceBytes) {
        pieces.push(this.piece(bytes.slice(start, i)));
        start = -1;
      }
    }
    if (ending && start >= 0) {
      pieces.push(this.piece(bytes.slice(start, i)));
      start = -1;
    }
    // Drop what is done (cut into pieces, a tag, or garbage); keep the piece in progress.
    const keep = start >= 0 ? start : Math.min(i, bytes.length);
    this.buffer = bytes.slice(keep);
    this.scanned = Math.max(0, i - keep);
    this.skip = Math.max(0, this.skip - keep);
    this.pieceStart = start >= 0 ? start - keep : -1;
    return pieces;
  }

  private piece(bytes: Uint8Array): FramePiece {
    const piece = { bytes, startSeconds: this.elapsed, seconds: this.pieceSeconds };
    this.elapsed += this.pieceSeconds;
    this.pieceSeconds = 0;
    return piece;
  }
}

export interface FrameInPiece {
  offset: number;
  length: number;
  seconds: number;
}

/** The frames of a frame-aligned piece (as Mp3FrameSplitter makes them), in order. */
export function framesIn(bytes: Uint8Array): FrameInPiece[] {
  const frames: FrameInPiece[] = [];
  let i = 0;
  while (i + 4 <= bytes.length) {
    const header = readFrameHeader(bytes, i);
    if (!header || i + header.length > bytes.length) break;
    frames.push({ offset: i, length: header.length, seconds: header.seconds });
    i += header.length;
  }
  return frames;
}

/** Sample rate and channel count of the Layer III frame at `i` (what a decoder is configured with). */
export function frameFormat(bytes: Uint8Array, i: number): { sampleRate: number; numberOfChannels: number } | null {
  if (!readFrameHeader(bytes, i)) return null;
  const version = (bytes[i + 1]! >> 3) & 3;
  const rateIndex = (bytes[i + 2]! >> 2) & 3;
  const mono = bytes[i + 3]! >> 6 === 3;
  return { sampleRate: SAMPLE_RATES[version]![rateIndex]!, numberOfChannels: mono ? 1 : 2 };
}
