import { describe, expect, it } from 'vitest';
import { cutFrames, findFrameSync, HEAD_BYTES, id3v2Size, mp3Layout, previewByteWindow } from '@/lib/media/mp3-clip';
import { AUDIO_START, FRAME_BYTES, FRAME_SECONDS, frameIndexes, syntheticMp3 } from './synthetic-mp3';

const FRAMES = 1000;
const file = syntheticMp3(FRAMES);
const duration = FRAMES * FRAME_SECONDS;

function clipOf(start: number, end: number, recorded: number | null = duration) {
  const layout = mp3Layout(file.slice(0, HEAD_BYTES), file.length, recorded)!;
  const window = previewByteWindow(layout, start, end)!;
  return cutFrames(file.slice(window.first, window.last + 1), window.end - window.first)!;
}

describe('VIP preview clips (constant-bitrate MP3)', () => {
  it('finds the audio after the ID3 tag and the first real frame', () => {
    expect(id3v2Size(file)).toBe(AUDIO_START);
    expect(findFrameSync(file, 0)).toBe(AUDIO_START);
    // A false sync inside a payload is skipped: the next frame must follow where its length says.
    const noisy = new Uint8Array([0xff, 0xfb, 0x90, 0x00, 1, 2, 3, ...file.slice(AUDIO_START, AUDIO_START + 2 * FRAME_BYTES)]);
    expect(findFrameSync(noisy, 0)).toBe(7);
  });

  it('keeps whole frames covering the window, and nothing before or after it', () => {
    const clip = clipOf(10, 20);
    const indexes = frameIndexes(clip);
    // The first frame that starts inside the window (the one straddling its start is left out).
    expect(indexes[0]).toBe(Math.ceil(10 / FRAME_SECONDS) % 200);
    expect(clip.length % FRAME_BYTES).toBe(0);
    const seconds = indexes.length * FRAME_SECONDS;
    expect(seconds).toBeGreaterThanOrEqual(10 - FRAME_SECONDS);
    expect(seconds).toBeLessThanOrEqual(10 + 2 * FRAME_SECONDS);
    expect(clip.length).toBeLessThan(file.length / 2);
  });

  it('works out the duration from the bitrate when the record has none', () => {
    // 128 kb/s is 16 000 bytes/s, these frames (never padded) 15 964: within a frame or two.
    const fromBitrate = frameIndexes(clipOf(10, 20, null));
    const fromRecord = frameIndexes(clipOf(10, 20));
    expect(Math.abs(fromBitrate[0]! - fromRecord[0]!)).toBeLessThanOrEqual(1);
    expect(Math.abs(fromBitrate.length - fromRecord.length)).toBeLessThanOrEqual(2);
  });

  it('clamps a window past the end and refuses an empty one or a file that is not MP3', () => {
    const tail = frameIndexes(clipOf(duration - 2, duration + 30));
    expect(tail.at(-1)).toBe((FRAMES - 1) % 200);
    const layout = mp3Layout(file.slice(0, HEAD_BYTES), file.length, duration)!;
    expect(previewByteWindow(layout, 20, 20)).toBeNull();
    expect(previewByteWindow(layout, duration + 1, duration + 5)).toBeNull();
    expect(mp3Layout(new TextEncoder().encode('<html>not audio</html>'), 22, 30)).toBeNull();
  });
});
