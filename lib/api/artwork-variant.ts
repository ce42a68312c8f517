import 'server-only';
import sharp from 'sharp';

/** Covers are small; anything larger is relayed untouched rather than held in memory. */
const MAX_SOURCE_BYTES = 20 * 1024 * 1024;
/** Resized covers kept in memory (a 128 / 256 px JPEG is 3-15 KB): a library page costs one resize per cover, not one per DJ. */
const KEPT_VARIANTS = 400;

const kept = new Map<string, Uint8Array<ArrayBuffer>>();

/**
 * The cover at `source` cropped to `size` × `size` as JPEG. What sharp cannot read (or an upstream
 * error, or a huge file) is relayed as it came: a variant is an optimisation, never a reason to
 * lose the cover. `source` names the file (a new cover is a new file), so it keys the memory.
 */
export async function artworkVariant(source: string, size: number, fetchSource: () => Promise<Response>): Promise<Response> {
  const key = `${size} ${source}`;
  const known = kept.get(key);
  if (known) {
    kept.delete(key);
    kept.set(key, known);
    return jpegResponse(known);
  }
  const upstream = await fetchSource();
  const length = Number(upstream.headers.get('content-length') ?? '0');
  if (!upstream.ok || length > MAX_SOURCE_BYTES) return upstream;
  const bytes = Buffer.from(await upstream.arrayBuffer());
  try {
    const jpeg = new Uint8Array(
      await sharp(bytes, { limitInputPixels: 40_000_000 }).rotate().resize(size, size, { fit: 'cover' }).jpeg({ quality: 82 }).toBuffer(),
    );
    kept.set(key, jpeg);
    if (kept.size > KEPT_VARIANTS) kept.delete(kept.keys().next().value!);
    return jpegResponse(jpeg);
  } catch {
    return new Response(new Uint8Array(bytes), { status: upstream.status, headers: upstream.headers });
  }
}

function jpegResponse(jpeg: Uint8Array<ArrayBuffer>): Response {
  return new Response(jpeg, { status: 200, headers: { 'content-type': 'image/jpeg', 'content-length': String(jpeg.length) } });
}
