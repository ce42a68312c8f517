import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { artworkVariant } from '@/lib/api/artwork-variant';

async function cover(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 90 } } }).png().toBuffer();
}
const upstream = (bytes: Uint8Array, status = 200, type = 'image/png') =>
  new Response(new Uint8Array(bytes), { status, headers: { 'content-type': type, 'content-length': String(bytes.length) } });

describe('artwork variants', () => {
  it('crops and resizes a cover to a square JPEG of the size asked', async () => {
    const res = await artworkVariant(upstream(await cover(800, 600)), 256);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(Number(res.headers.get('content-length'))).toBe(bytes.length);
    expect(await sharp(bytes).metadata()).toMatchObject({ format: 'jpeg', width: 256, height: 256 });
  });

  it('relays what it cannot read, and upstream errors, untouched', async () => {
    const notAnImage = new TextEncoder().encode('not an image at all');
    const relayed = await artworkVariant(upstream(notAnImage, 200, 'application/octet-stream'), 96);
    expect(relayed.headers.get('content-type')).toBe('application/octet-stream');
    expect(new Uint8Array(await relayed.arrayBuffer())).toEqual(notAnImage);
    const missing = upstream(new TextEncoder().encode('{"error":"gone"}'), 404, 'application/json');
    expect(await artworkVariant(missing, 96)).toBe(missing);
  });
});
