// The fallback where the worker cannot decode (no Worker, or no WebCodecs MP3 decoder, e.g. older
// Safari): each ~256 KB frame-aligned piece is decoded by OfflineAudioContext.decodeAudioData at
// 8 kHz (on the browser's decoder thread), reduced to peaks here and dropped.
import { Mp3FrameSplitter, type FramePiece } from './mp3-frames';
import { SlicePeaks, WAVEFORM_BUCKETS, toBuckets, type Waveform } from './slice-peaks';

const DECODE_RATE = 8000;

function decoderContext(): BaseAudioContext | null {
  if (typeof OfflineAudioContext === 'undefined') return null;
  try {
    return new OfflineAudioContext(1, 1, DECODE_RATE);
  } catch {
    // Older WebKit accepts only usual rates.
    return new OfflineAudioContext(1, 1, 44100);
  }
}

async function decodePiece(ctx: BaseAudioContext, piece: FramePiece, peaks: SlicePeaks): Promise<void> {
  const copy = piece.bytes.buffer.slice(piece.bytes.byteOffset, piece.bytes.byteOffset + piece.bytes.byteLength) as ArrayBuffer;
  let buffer: AudioBuffer;
  try {
    buffer = await ctx.decodeAudioData(copy);
  } catch {
    return; // A damaged piece leaves a gap in the overview, not a failure.
  }
  // The decoder's output may be a little longer or shorter than the frames say: stretch it to them.
  const rate = buffer.length / piece.seconds;
  const channels = Array.from({ length: buffer.numberOfChannels }, (_, c) => buffer.getChannelData(c));
  peaks.add(piece.startSeconds, rate, channels);
}

/** Streams `url` and computes its overview on this thread. Null when it is not MP3 or cannot be decoded. */
export async function waveformOnMainThread(url: string): Promise<Waveform | null> {
  const ctx = decoderContext();
  if (!ctx) return null;
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok || !res.body) return null;
  const splitter = new Mp3FrameSplitter();
  const peaks = new SlicePeaks();
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    for (const piece of done ? splitter.finish() : splitter.push(value)) await decodePiece(ctx, piece, peaks);
    if (done) break;
  }
  if (splitter.frames === 0) return null;
  return { peaks: toBuckets(peaks.slices, WAVEFORM_BUCKETS), durationSeconds: splitter.durationSeconds };
}
