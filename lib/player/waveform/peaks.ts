// A track's waveform overview, computed once and kept in IndexedDB (`waveforms`, shared by every
// DJ of the device). The audio is streamed and cut into frame-aligned MP3 pieces of ~256 KB; each
// piece is decoded on its own by the browser's decoder (off the main thread) at 8 kHz, reduced to
// peaks and dropped, so memory stays at one piece whatever the track's length (a whole 6-minute
// track decoded would be ~120 MB of PCM). The main thread only takes the max of each small buffer.
import { consoleDb, withDb } from '@/lib/offline/db';
import { Mp3FrameSplitter, type FramePiece } from './mp3-frames';

export const WAVEFORM_BUCKETS = 600;
/** Peaks are first gathered per 50 ms, then spread over WAVEFORM_BUCKETS once the length is known. */
const SLICE_SECONDS = 0.05;
const DECODE_RATE = 8000;

export interface Waveform {
  peaks: number[];
  durationSeconds: number;
}

function decoderContext(): BaseAudioContext | null {
  if (typeof OfflineAudioContext === 'undefined') return null;
  try {
    return new OfflineAudioContext(1, 1, DECODE_RATE);
  } catch {
    // Older WebKit accepts only usual rates.
    return new OfflineAudioContext(1, 1, 44100);
  }
}

async function decodePiece(ctx: BaseAudioContext, piece: FramePiece, slices: number[]): Promise<void> {
  const copy = piece.bytes.buffer.slice(piece.bytes.byteOffset, piece.bytes.byteOffset + piece.bytes.byteLength) as ArrayBuffer;
  let buffer: AudioBuffer;
  try {
    buffer = await ctx.decodeAudioData(copy);
  } catch {
    return; // A damaged piece leaves a gap in the overview, not a failure.
  }
  const scale = piece.seconds / buffer.duration;
  for (let c = 0; c < buffer.numberOfChannels; c += 1) {
    const data = buffer.getChannelData(c);
    const perSlice = SLICE_SECONDS / scale * buffer.sampleRate;
    for (let slice = 0; slice * perSlice < data.length; slice += 1) {
      const from = Math.floor(slice * perSlice);
      const to = Math.min(data.length, Math.floor((slice + 1) * perSlice));
      let peak = 0;
      for (let j = from; j < to; j += 1) {
        const v = Math.abs(data[j]!);
        if (v > peak) peak = v;
      }
      const index = Math.floor(piece.startSeconds / SLICE_SECONDS) + slice;
      slices[index] = Math.max(slices[index] ?? 0, peak);
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

/** Streams `url` and computes its overview. Null when it is not MP3 or cannot be decoded here. */
export async function computeWaveform(url: string, signal?: AbortSignal): Promise<Waveform | null> {
  const ctx = decoderContext();
  if (!ctx) return null;
  const res = await fetch(url, { signal, credentials: 'same-origin' });
  if (!res.ok || !res.body) return null;
  const splitter = new Mp3FrameSplitter();
  const slices: number[] = [];
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    const pieces = done ? splitter.finish() : splitter.push(value);
    for (const piece of pieces) await decodePiece(ctx, piece, slices);
    if (done) break;
  }
  if (splitter.frames === 0) return null;
  return { peaks: toBuckets(slices, WAVEFORM_BUCKETS), durationSeconds: splitter.durationSeconds };
}

const inFlight = new Map<string, Promise<Waveform | null>>();

/** The stored overview, or computes, stores and returns it (one computation per track at a time). */
export function loadWaveform(trackId: string, url: string): Promise<Waveform | null> {
  let pending = inFlight.get(trackId);
  if (!pending) {
    pending = (async () => {
      const db = consoleDb();
      const stored = await withDb(db, () => db.waveforms.get(trackId)).catch(() => undefined);
      if (stored) return { peaks: stored.peaks, durationSeconds: stored.durationSeconds };
      const computed = await computeWaveform(url);
      if (computed) {
        await withDb(db, () => db.waveforms.put({ trackId, ...computed, computedAt: Date.now() })).catch(() => undefined);
      }
      return computed;
    })().finally(() => inFlight.delete(trackId));
    inFlight.set(trackId, pending);
  }
  return pending;
}
