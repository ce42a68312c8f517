// Upload fixtures written at test time: real MP3s (the demo seed's synth and lamejs) with ID3v2.4
// tags and embedded artwork, a PCM WAV, a PNG. Nothing is downloaded or committed.
import { deflateSync } from 'node:zlib';
import { encodeLoopedMp3 } from '@/lib/embedded-base44/seed/mp3';
import { synthesizeLoop, SAMPLE_RATE } from '@/lib/embedded-base44/seed/synth';

export interface Fixture {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A solid-colour RGB PNG. */
export function png(width = 8, height = 8, rgb: [number, number, number] = [139, 92, 246]): Buffer {
  return pngFrom(width, height, () => rgb);
}

/** An RGB PNG whose every pixel is `pixel(x, y)` (e.g. halves of two colours, to see a crop). */
export function pngFrom(width: number, height: number, pixel: (x: number, y: number) => [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = (y: number) => Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, (_, x) => pixel(x, y)).flat())]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, (_, y) => row(y))));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

const synchsafe = (size: number) => Buffer.from([(size >> 21) & 0x7f, (size >> 14) & 0x7f, (size >> 7) & 0x7f, size & 0x7f]);

/** An ID3v2.4 tag: UTF-8 text frames, and an APIC front cover when given. */
export function id3(frames: Record<string, string>, cover?: Buffer): Buffer {
  const frame = (id: string, body: Buffer) => Buffer.concat([Buffer.from(id, 'ascii'), synchsafe(body.length), Buffer.from([0, 0]), body]);
  const parts = Object.entries(frames).map(([id, text]) => frame(id, Buffer.concat([Buffer.from([3]), Buffer.from(text, 'utf8')])));
  if (cover) parts.push(frame('APIC', Buffer.concat([Buffer.from([0]), Buffer.from('image/png\0', 'ascii'), Buffer.from([3, 0]), cover])));
  const content = Buffer.concat(parts);
  return Buffer.concat([Buffer.from('ID3', 'ascii'), Buffer.from([4, 0, 0]), synchsafe(content.length), content]);
}

/** A synthesised loop (kick, clap, hats, bass) at `bpm`, as MP3 frames with the given tag. */
export async function mp3(name: string, bpm: number, seconds: number, tag: Buffer): Promise<Fixture> {
  const loop = synthesizeLoop({ bpm, camelotKey: '8A', genre: 'Techno', seed: bpm });
  const encoded = await encodeLoopedMp3(loop.samples, seconds, {});
  // encodeLoopedMp3 starts with an empty ID3 header (10 bytes): put ours in its place.
  return { name, mimeType: 'audio/mpeg', buffer: Buffer.concat([tag, Buffer.from(encoded.bytes.subarray(10))]) };
}

/** 16-bit mono PCM WAV of the same synthesised loop. */
export function wav(name: string, bpm: number, seconds: number): Fixture {
  const loop = synthesizeLoop({ bpm, camelotKey: '5A', genre: 'Tech House', seed: bpm + 1 });
  const samples = Math.round(seconds * SAMPLE_RATE);
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) data.writeInt16LE(loop.samples[i % loop.samples.length]!, i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(SAMPLE_RATE, 24);
  header.writeUInt32LE(SAMPLE_RATE * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return { name, mimeType: 'audio/wav', buffer: Buffer.concat([header, data]) };
}
