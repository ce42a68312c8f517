'use client';
// Browser side of tempo estimation: decode a short window of the file (the browser decodes off the
// main thread, resampled low to keep it small), then count beats in a Web Worker.
import type { BpmEstimate } from './estimate-bpm';
import type { BpmRequest } from './bpm.worker';

const SAMPLE_RATE = 11_025;
const WINDOW_SECONDS = 30;
/** Whole files up to this size are decoded; past it, only an MP3's middle (frames resync). */
const MAX_DECODE_BYTES = 48 * 1024 * 1024;
const MP3_SLICE_BYTES = 4 * 1024 * 1024;

/** The tempo of an audio file, or null when it cannot be decoded or has no clear pulse. */
export async function detectBpm(file: Blob, format: 'mp3' | 'other'): Promise<BpmEstimate | null> {
  const window = await decodeWindow(file, format).catch(() => null);
  if (!window) return null;
  return inWorker({ samples: window, sampleRate: SAMPLE_RATE });
}

async function decodeWindow(file: Blob, format: 'mp3' | 'other'): Promise<Float32Array | null> {
  let source: Blob = file;
  if (file.size > MAX_DECODE_BYTES) {
    if (format !== 'mp3') return null;
    const middle = Math.floor(file.size / 2);
    source = file.slice(middle - MP3_SLICE_BYTES / 2, middle + MP3_SLICE_BYTES / 2);
  }
  const context = new OfflineAudioContext(1, 1, SAMPLE_RATE);
  const buffer = await context.decodeAudioData(await source.arrayBuffer());
  const length = Math.min(buffer.length, WINDOW_SECONDS * SAMPLE_RATE);
  const start = Math.max(0, Math.floor((buffer.length - length) / 2));
  const mono = new Float32Array(length);
  for (let channel = 0; channel < buffer.numberOfChannels; channel++) {
    const data = buffer.getChannelData(channel).subarray(start, start + length);
    for (let i = 0; i < length; i++) mono[i]! += data[i]! / buffer.numberOfChannels;
  }
  return mono;
}

function inWorker(request: BpmRequest): Promise<BpmEstimate | null> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./bpm.worker.ts', import.meta.url), { type: 'module' });
    const done = (result: BpmEstimate | null) => {
      worker.terminate();
      resolve(result);
    };
    worker.onmessage = (event: MessageEvent<BpmEstimate | null>) => done(event.data);
    worker.onerror = () => done(null);
    worker.postMessage(request, [request.samples.buffer]);
  });
}
