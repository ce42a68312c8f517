// The overview computed where it costs the console nothing: in a Web Worker, with WebCodecs'
// AudioDecoder (OfflineAudioContext, the only other decoder, does not exist in workers). The track
// streams in; every MP3 frame is decoded on its own, its samples reduced to peaks and released, so
// memory stays at one ~256 KB piece whatever the track's length.
import { Mp3FrameSplitter, frameFormat, framesIn } from './mp3-frames';
import { SlicePeaks, WAVEFORM_BUCKETS, toBuckets, type Waveform } from './slice-peaks';

/** 'unsupported': this browser has no WebCodecs MP3 decoder here (the caller falls back). */
export type WorkerWaveformResult = Waveform | null | 'unsupported';

export async function waveformWithWebCodecs(url: string): Promise<WorkerWaveformResult> {
  if (typeof AudioDecoder === 'undefined' || typeof EncodedAudioChunk === 'undefined') return 'unsupported';
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok || !res.body) return null;
  const splitter = new Mp3FrameSplitter();
  const peaks = new SlicePeaks();
  let decoder: AudioDecoder | null = null;
  let planes: Float32Array[] = [];
  const output = (data: AudioData) => {
    try {
      const frames = data.numberOfFrames;
      if (planes.length !== data.numberOfChannels || planes[0]!.length < frames) {
        planes = Array.from({ length: data.numberOfChannels }, () => new Float32Array(frames));
      }
      for (let c = 0; c < data.numberOfChannels; c += 1) data.copyTo(planes[c]!, { planeIndex: c, format: 'f32-planar' });
      peaks.add(data.timestamp / 1e6, data.sampleRate, planes.map((plane) => plane.subarray(0, frames)));
    } finally {
      data.close();
    }
  };
  const reader = res.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      for (const piece of done ? splitter.finish() : splitter.push(value)) {
        if (!decoder) {
          const format = frameFormat(piece.bytes, 0);
          if (!format) return null;
          const config: AudioDecoderConfig = { codec: 'mp3', ...format };
          if (!(await AudioDecoder.isConfigSupported(config)).supported) return 'unsupported';
          decoder = new AudioDecoder({ output, error: () => undefined });
          decoder.configure(config);
        }
        let at = piece.startSeconds;
        for (const frame of framesIn(piece.bytes)) {
          const data = piece.bytes.subarray(frame.offset, frame.offset + frame.length);
          decoder.decode(new EncodedAudioChunk({ type: 'key', timestamp: Math.round(at * 1e6), data }));
          at += frame.seconds;
        }
        // One piece in flight at a time: the decoder never holds more than ~256 KB of the track.
        await decoder.flush();
      }
      if (done) break;
    }
  } catch {
    // A decoder error (a codec the browser lists but cannot run): let the caller try another way.
    return 'unsupported';
  } finally {
    if (decoder && decoder.state !== 'closed') decoder.close();
    reader.releaseLock();
  }
  if (splitter.frames === 0) return null;
  return { peaks: toBuckets(peaks.slices, WAVEFORM_BUCKETS), durationSeconds: splitter.durationSeconds };
}
