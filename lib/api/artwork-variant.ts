import 'server-only';
import sharp from 'sharp';

/** Covers are small; anything larger is relayed untouched rather than held in memory. */
const MAX_SOURCE_BYTES = 20 * 1024 * 1024;

/**
 * The cover cropped to `size` × `size` as JPEG. What sharp cannot read (or an upstream error, or a
 * huge file) is relayed as it came: a variant is an optimisation, never a reason to lose the cover.
 */
export async function artworkVariant(upstream: Response, size: number): Promise<Response> {
  const length = Number(upstream.headers.get('content-length') ?? '0');
  if (!upstream.ok || length > MAX_SOURCE_BYTES) return upstream;
  const source = Buffer.from(await upstream.arrayBuffer());
  try {
    const jpeg = await sharp(source, { limitInputPixels: 40_000_000 })
      .rotate()
      .resize(size, size, { fit: 'cover' })
      .jpeg({ quality: 82 })
      .toBuffer();
    return new Response(new Uint8Array(jpeg), {
      status: 200,
      headers: { 'content-type': 'image/jpeg', 'content-length': String(jpeg.length) },
    });
  } catch {
    return new Response(new Uint8Array(source), { status: upstream.status, headers: upstream.headers });
  }
}
