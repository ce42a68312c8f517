import { describe, expect, it } from 'vitest';
import { encodeLoopedMp3 } from '@/lib/embedded-base44/seed/mp3';
import { synthesizeLoop } from '@/lib/embedded-base44/seed/synth';
import { Mp3FrameSplitter, frameFormat, framesIn, readFrameHeader } from '@/lib/player/waveform/mp3-frames';
import { SLICE_SECONDS, SlicePeaks, toBuckets } from '@/lib/player/waveform/slice-peaks';

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

  it('lists the frames of a piece for a per-frame decoder (WebCodecs), with the format to configure it', async () => {
    const loop = synthesizeLoop({ bpm: 124, camelotKey: '8A', genre: 'Techno', seed: 4 });
    const track = await encodeLoopedMp3(loop.samples, 6, { TIT2: 'Frames' });
    const splitter = new Mp3FrameSplitter(8 * 1024);
    const pieces = [...splitter.push(track.bytes), ...splitter.finish()];
    let frames = 0;
    for (const piece of pieces) {
      const list = framesIn(piece.bytes);
      // Back to back, covering the whole piece, and as long as the splitter says.
      expect(list[0]!.offset).toBe(0);
      for (let i = 1; i < list.length; i += 1) expect(list[i]!.offset).toBe(list[i - 1]!.offset + list[i - 1]!.length);
      expect(list.at(-1)!.offset + list.at(-1)!.length).toBe(piece.bytes.length);
      expect(list.reduce((sum, f) => sum + f.seconds, 0)).toBeCloseTo(piece.seconds, 9);
      frames += list.length;
    }
    expect(frames).toBe(splitter.frames);
    const format = frameFormat(pieces[0]!.bytes, 0);
    expect(format).not.toBeNull();
    expect([32000, 44100, 48000, 22050, 24000, 16000]).toContain(format!.sampleRate);
    expect([1, 2]).toContain(format!.numberOfChannels);
    expect(frameFormat(new Uint8Array([0x49, 0x44, 0x33, 4]), 0)).toBeNull();
  });

  it('keeps the loudest sample of every 50 ms slice, whatever the blocks the decoder hands over', () => {
    const rate = 8000;
    const samples = Array.from({ length: rate }, (_, i) => Math.sin(i / 7) * (i < rate / 2 ? 0.25 : 0.8));
    samples[1234] = -0.99; // a negative peak counts by its size
    const whole = new SlicePeaks();
    whole.add(0, rate, [samples]);
    expect(whole.slices).toHaveLength(1 / SLICE_SECONDS);
    expect(whole.slices[Math.floor(1234 / (rate * SLICE_SECONDS))]).toBeCloseTo(0.99, 9);
    expect(Math.max(...whole.slices.slice(0, 9))).toBeLessThanOrEqual(0.99);
    expect(Math.min(...whole.slices.slice(11))).toBeGreaterThan(0.7);

    // Odd block sizes, out of order, and a second channel quieter than the first: the same slices.
    const blocks = new SlicePeaks();
    const cuts = [0, 333, 1152, 2000, 4000, 4001, 7777, rate];
    for (const i of [3, 0, 5, 1, 6, 2, 4]) {
      const block = samples.slice(cuts[i]!, cuts[i + 1]!);
      blocks.add(cuts[i]! / rate, rate, [block, block.map((v) => v / 2)]);
    }
    expect(blocks.slices).toEqual(whole.slices);
  });
});
