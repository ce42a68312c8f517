// Web Worker: the tempo of a decoded window of audio, off the main thread.
import { estimateBpm, type BpmEstimate } from './estimate-bpm';

export interface BpmRequest {
  samples: Float32Array;
  sampleRate: number;
}

self.onmessage = (event: MessageEvent<BpmRequest>) => {
  const result: BpmEstimate | null = estimateBpm(event.data.samples, event.data.sampleRate);
  self.postMessage(result);
};
