// A VIP preview as its own small MP3: the frames of a track that cover its preview window, cut
// from a byte window derived from the track's size and duration (constant bitrate), realigned on
// frame boundaries. Pure: the caller fetches the bytes.
import { readFrameHeader } from './mp3-frames';

/** How much of the file's start to read to find its ID3 tag's size and first frame. */
export const HEAD_BYTES = 16 * 1024;
/** Past the window's end: room to finish the last frame (a Layer III frame is < 1.5 KiB). */
const FRAME_SLACK = 2048;

export interface Mp3Layout {
  /** First byte of audio (after an ID3v2 tag). */
  audioStart: number;
  /** The whole file's size. */
  size: number;
  /** Seconds: from the record when known, else from the first frame's bitrate (CBR). */
  durationSeconds: number;
}

/** Size of a leading ID3v2 tag (header, body, footer), 0 when there is none. */
export function id3v2Size(head: Uint8Array): number {
  if (head.length < 10 || head[0] !== 0x49 || head[1] !== 0x44 || head[2] !== 0x33) return 0;
  const body = ((head[6]! & 0x7f) << 21) | ((head[7]! & 0x7f) << 14) | ((head[8]! & 0x7f) << 7) | (head[9]! & 0x7f);
  const footer = head[5]! & 0x10 ? 10 : 0;
  return 10 + body + footer;
}

/** Where the first real frame starts: a header followed by another one where its length says. */
export function findFrameSync(bytes: Uint8Array, from = 0): number {
  for (let offset = from; offset + 4 <= bytes.length; offset++) {
    const header = readFrameHeader(bytes, offset);
    if (!header) continue;
    const next = offset + header.length;
    if (next + 4 > bytes.length || readFrameHeader(bytes, next)) return offset;
  }
  return -1;
}

/**
 * The file's layout from its first bytes, or null when it is not an MPEG Layer III stream we can
 * cut (no frame where one should be, or no usable duration).
 */
export function mp3Layout(head: Uint8Array, size: number, recordedDuration: number | null): Mp3Layout | null {
  const tag = id3v2Size(head);
  if (tag >= size) return null;
  if (tag + 4 > head.length) {
    // A huge tag (cover art): trust it, and take the duration from the record only.
    return recordedDuration ? { audioStart: tag, size, durationSeconds: recordedDuration } : null;
  }
  const sync = findFrameSync(head, tag);
  if (sync < 0) return null;
  const header = readFrameHeader(head, sync)!;
  const fromBitrate = ((size - sync) * 8) / (header.bitrateKbps * 1000);
  const durationSeconds = recordedDuration && recordedDuration > 0 ? recordedDuration : fromBitrate;
  return { audioStart: sync, size, durationSeconds };
}

export interface ByteWindow {
  /** First byte to fetch. */
  first: number;
  /** Last byte to fetch (inclusive): the window's end plus room to finish its last frame. */
  last: number;
  /** Where the preview ends, exclusive: frames starting at or after it are left out. */
  end: number;
}

/** The bytes to fetch for [startSeconds, endSeconds] at a constant bitrate. */
export function previewByteWindow(layout: Mp3Layout, startSeconds: number, endSeconds: number): ByteWindow | null {
  const audioBytes = layout.size - layout.audioStart;
  const perSecond = audioBytes / layout.durationSeconds;
  const start = Math.max(0, startSeconds);
  const end = Math.min(endSeconds, layout.durationSeconds);
  if (!(end > start) || !Number.isFinite(perSecond) || perSecond <= 0) return null;
  const first = layout.audioStart + Math.floor(start * perSecond);
  const endByte = Math.min(layout.size, layout.audioStart + Math.ceil(end * perSecond));
  const last = Math.min(layout.size - 1, endByte + FRAME_SLACK);
  return first < endByte ? { first, last, end: endByte } : null;
}

/**
 * The whole frames of `window` (the bytes fetched from `first`) from its first frame boundary,
 * every frame that starts before `windowEnd` (= end - first). Null when there is no frame.
 */
export function cutFrames(window: Uint8Array<ArrayBuffer>, windowEnd: number): Uint8Array<ArrayBuffer> | null {
  let offset = findFrameSync(window, 0);
  if (offset < 0) return null;
  const start = offset;
  while (offset < windowEnd) {
    const header = readFrameHeader(window, offset);
    if (!header || offset + header.length > window.length) break;
    offset += header.length;
  }
  return offset > start ? window.slice(start, offset) : null;
}
