import { describe, expect, it } from 'vitest';
import { encodeLoopedMp3 } from '@/lib/embedded-base44/seed/mp3';
import { synthesizeLoop } from '@/lib/embedded-base44/seed/synth';
import { Mp3FrameSplitter, readFrameHeader } from '@/lib/player/waveform/mp3-frames';
import { toBuckets } from '@/lib/player/waveform/peaks';

describe('the MP3 frame splitter behind the waveform', () => {
  it('cuts a streamed MP3 into frame-aligned pieces with exact start times, whatever the chunk sizes', async () => {
    const loop = synthesizeLoop({ bpm: 124, camelotKey: '8A', genre: 'Techno', seed: 3 });
    const track = await encodeLoopedMp3(loop.samples, 20, { TIT2: 'Splitter' });
    const splitter = new Mp3FrameSplitter(16 * 1024);
    const pieces = [];
    for (let i = 0, size = 1; i < track.bytes.length; i += size, size = (size * 7) % 5003 + 1) {
      pieces.push(...splitter.push(track.bytes.slice(i, i + size)));
    }
    pieces.push(...splitter.finish());
    expect(splitter.durationSeconds).toBeCloseTo(track.durationSeconds, 6);
    expect(pieces.length).toBeGreaterThan(3);
    let expectedStart = 0;
    for (const piece of pieces) {
      expect(readFrameHeader(piece.bytes, 0)).not.toBeNull();
      expect(piece.startSeconds).toBeCloseTo(expectedStart, 6);
      expectedStart += piece.seconds;
    }
    // Every audio byte is in exactly one piece (the ID3 tag in none).
    const total = pieces.reduce((sum, p) => sum + p.bytes.length, 0);
    const tagSize = track.bytes.length - total;
    expect(tagSize).toBeGreaterThan(10);
    expect(tagSize).toBeLessThan(200);
  });

  it('spreads peak slices over the overview buckets, the loudest at 1', () => {
    expect(toBuckets([0.1, 0.5, 0.2, 0.25], 2)).toEqual([1, 0.5]);
    expect(toBuckets([], 3)).toEqual([0, 0, 0]);
  });
});
