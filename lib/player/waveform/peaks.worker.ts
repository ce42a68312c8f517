// Web Worker: one track's waveform overview, off the main thread (see decode-webcodecs.ts).
import { waveformWithWebCodecs, type WorkerWaveformResult } from './decode-webcodecs';

export interface WaveformRequest {
  /** Absolute URL (same origin): the worker fetches it, through the service worker when offline. */
  url: string;
}

self.onmessage = (event: MessageEvent<WaveformRequest>) => {
  waveformWithWebCodecs(event.data.url).then(
    (result) => self.postMessage(result satisfies WorkerWaveformResult),
    () => self.postMessage('unsupported' satisfies WorkerWaveformResult),
  );
};
