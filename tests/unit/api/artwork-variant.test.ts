import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import { artworkVariant } from '@/lib/api/artwork-variant';

async function cover(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 90 } } }).png().toBuffer();
}
const upstream = (bytes: Uint8Array, status = 200, type = 'image/png') =>
  new Response(new Uint8Array(bytes), { status, headers: { 'content-type': type, 'content-length': String(bytes.length) } });
const unique = () => `http://files.test/${Math.random().toString(36).slice(2)}.png`;

describe('artwork variants', () => {
  it('crops and resizes a cover to a square JPEG of the size asked', async () => {
    const png = await cover(800, 600);
    const res = await artworkVariant(unique(), 256, async () => upstream(png));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(Number(res.headers.get('content-length'))).toBe(bytes.length);
    expect(await sharp(bytes).metadata()).toMatchObject({ format: 'jpeg', width: 256, height: 256 });
  });

  it('resizes a cover once per size: the next request is answered from memory', async () => {
    const png = await cover(512, 512);
    const source = unique();
    const fetchSource = vi.fn(async () => upstream(png));
    const first = Buffer.from(await (await artworkVariant(source, 128, fetchSource)).arrayBuffer());
    const second = Buffer.from(await (await artworkVariant(source, 128, fetchSource)).arrayBuffer());
    expect(second.equals(first)).toBe(true);
    expect(fetchSource).toHaveBeenCalledTimes(1);
    await artworkVariant(source, 256, fetchSource);
    expect(fetchSource).toHaveBeenCalledTimes(2);
  });

  it('relays what it cannot read, and upstream errors, untouched (and keeps nothing)', async () => {
    const notAnImage = new TextEncoder().encode('not an image at all');
    const source = unique();
    const relayed = await artworkVariant(source, 128, async () => upstream(notAnImage, 200, 'application/octet-stream'));
    expect(relayed.headers.get('content-type')).toBe('application/octet-stream');
    expect(new Uint8Array(await relayed.arrayBuffer())).toEqual(notAnImage);
    const missing = upstream(new TextEncoder().encode('{"error":"gone"}'), 404, 'application/json');
    expect(await artworkVariant(source, 128, async () => missing)).toBe(missing);
  });
});
