// Recognises an upload by its first bytes, never by its name or declared type.
import { describeFormats, FORMATS, type UploadFormat, type UploadKind } from './formats';

/** Bytes needed to recognise every accepted format. */
export const SNIFF_BYTES = 16;

const ascii = (bytes: Uint8Array, at: number, text: string) =>
  bytes.length >= at + text.length && [...text].every((char, i) => bytes[at + i] === char.charCodeAt(0));

/** MPEG-1/2/2.5 Layer III frame header: sync, a real version, layer III, a usable bitrate and rate. */
function isMp3Frame(b: Uint8Array): boolean {
  if (b.length < 4 || b[0] !== 0xff || (b[1]! & 0xe0) !== 0xe0) return false;
  const version = (b[1]! >> 3) & 0b11;
  const layer = (b[1]! >> 1) & 0b11;
  const bitrate = b[2]! >> 4;
  const sampleRate = (b[2]! >> 2) & 0b11;
  return version !== 0b01 && layer === 0b01 && bitrate !== 0 && bitrate !== 0b1111 && sampleRate !== 0b11;
}

/** MP4 brands of audio files (iTunes M4A/M4B, generic MP4 audio written by most encoders). */
const M4A_BRANDS = new Set(['M4A ', 'M4B ', 'M4P ', 'mp41', 'mp42', 'isom', 'iso2', 'iso5', 'iso6', 'dash', 'f4a ']);

/** The format of a file from its first SNIFF_BYTES bytes, or null when it is none we accept. */
export function sniffFormat(head: Uint8Array): UploadFormat | null {
  if (ascii(head, 0, 'ID3') && head.length >= 10 && head[3]! >= 2 && head[3]! <= 4) return 'mp3';
  if (isMp3Frame(head)) return 'mp3';
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WAVE')) return 'wav';
  if (ascii(head, 0, 'FORM') && (ascii(head, 8, 'AIFF') || ascii(head, 8, 'AIFC'))) return 'aiff';
  if (ascii(head, 0, 'fLaC')) return 'flac';
  if (ascii(head, 4, 'ftyp') && head.length >= 12) {
    const brand = String.fromCharCode(...head.subarray(8, 12));
    if (M4A_BRANDS.has(brand)) return 'm4a';
  }
  if (head.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((byte, i) => head[i] === byte)) return 'png';
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WEBP')) return 'webp';
  return null;
}

export type SniffResult = { ok: true; format: UploadFormat; contentType: string } | { ok: false; reason: string };

/** Whether a file's content is one the `kind` accepts, with a reason a producer can act on. */
export function checkUploadContent(kind: UploadKind, head: Uint8Array): SniffResult {
  if (head.length === 0) return { ok: false, reason: 'The file is empty' };
  const format = sniffFormat(head);
  const wanted = kind === 'audio' ? 'an audio file' : 'an image';
  if (format === null) {
    return { ok: false, reason: `This file is not ${wanted} we accept (${describeFormats(kind)}), whatever its name says` };
  }
  if (FORMATS[format].kind !== kind) {
    return { ok: false, reason: `This file is ${FORMATS[format].label}, not ${wanted} (${describeFormats(kind)})` };
  }
  return { ok: true, format, contentType: FORMATS[format].contentType };
}
