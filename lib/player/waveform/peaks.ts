// A track's waveform overview, computed once and kept in IndexedDB (`waveforms`, shared by every
// DJ of the device). Computed in a Web Worker (WebCodecs, decode-webcodecs.ts) so loading a track
// never blocks the console; where the worker cannot decode MP3, on this thread through
// OfflineAudioContext (decode-main-thread.ts). Either way the audio streams piece by piece: memory
// stays at ~256 KB whatever the track's length (a whole 6-minute track decoded is ~120 MB of PCM).
import { consoleDb, withDb } from '@/lib/offline/db';
import type { WorkerWaveformResult } from './decode-webcodecs';
import { waveformOnMainThread } from './decode-main-thread';
import type { Waveform } from './slice-peaks';

export { WAVEFORM_BUCKETS, toBuckets, type Waveform } from './slice-peaks';

/** Where an overview came from (the decks show it as a test hook). */
export type WaveformSource = 'stored' | 'worker' | 'main-thread';
export interface LoadedWaveform extends Waveform {
  source: WaveformSource;
}

function inWorker(url: string): Promise<WorkerWaveformResult> {
  if (typeof Worker === 'undefined') return Promise.resolve('unsupported');
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./peaks.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      resolve('unsupported');
      return;
    }
    const done = (result: WorkerWaveformResult) => {
      worker.terminate();
      resolve(result);
    };
    worker.onmessage = (event: MessageEvent<WorkerWaveformResult>) => done(event.data);
    // The script could not load (e.g. offline before the worker was precached): fall back.
    worker.onerror = () => done('unsupported');
    worker.postMessage({ url: new URL(url, location.href).href });
  });
}

/** Streams `url` and computes its overview. Null when it is not MP3 or cannot be decoded here. */
export async function computeWaveform(url: string): Promise<LoadedWaveform | null> {
  const fromWorker = await inWorker(url);
  if (fromWorker !== 'unsupported') return fromWorker && { ...fromWorker, source: 'worker' };
  const computed = await waveformOnMainThread(url);
  return computed && { ...computed, source: 'main-thread' };
}

const inFlight = new Map<string, Promise<LoadedWaveform | null>>();

/** The stored overview, or computes, stores and returns it (one computation per track at a time). */
export function loadWaveform(trackId: string, url: string): Promise<LoadedWaveform | null> {
  let pending = inFlight.get(trackId);
  if (!pending) {
    pending = (async () => {
      const db = consoleDb();
      const stored = await withDb(db, () => db.waveforms.get(trackId)).catch(() => undefined);
      if (stored) return { peaks: stored.peaks, durationSeconds: stored.durationSeconds, source: 'stored' as const };
      const computed = await computeWaveform(url);
      if (computed) {
        const { peaks, durationSeconds } = computed;
        await withDb(db, () => db.waveforms.put({ trackId, peaks, durationSeconds, computedAt: Date.now() })).catch(() => undefined);
      }
      return computed;
    })().finally(() => inFlight.delete(trackId));
    inFlight.set(trackId, pending);
  }
  return pending;
}
