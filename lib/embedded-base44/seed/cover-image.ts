import { coverSvg } from './artwork';
import type { Prng } from './prng';

export interface CoverImage {
  bytes: Uint8Array;
  extension: 'jpg' | 'svg';
  contentType: 'image/jpeg' | 'image/svg+xml';
}

type Rasterise = (svg: string) => Promise<Uint8Array>;

let rasteriser: Promise<Rasterise | null> | null = null;

// Covers are stored as JPEG: browsers decode a raster image off the main thread, whereas an SVG
// is laid out and painted on it each time it is shown (the decks' lock-screen artwork made long
// tasks), and lock screens (Media Session) expect a raster image. sharp ships prebuilt; where it
// cannot load, the cover stays an SVG rather than failing the first start.
function loadRasteriser(): Promise<Rasterise | null> {
  rasteriser ??= import('sharp').then(
    ({ default: sharp }): Rasterise => async (svg) => new Uint8Array(await sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer()),
    () => null,
  );
  return rasteriser;
}

/**
 * A 600×600 cover drawn for a title (see `coverSvg`) as JPEG bytes. The drawing consumes
 * `random` at once, so the generator's sequence does not depend on when the image is encoded.
 */
export function coverImage(title: string, subtitle: string, random: Prng): Promise<CoverImage> {
  const svg = coverSvg(title, subtitle, random);
  return loadRasteriser().then(async (rasterise) =>
    rasterise
      ? { bytes: await rasterise(svg), extension: 'jpg', contentType: 'image/jpeg' }
      : { bytes: new TextEncoder().encode(svg), extension: 'svg', contentType: 'image/svg+xml' },
  );
}
