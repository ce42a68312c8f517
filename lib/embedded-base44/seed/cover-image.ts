import { coverSvg } from './artwork';
import type { Prng } from './prng';

export interface CoverImage {
  bytes: Uint8Array;
  extension: 'jpg' | 'svg';
  contentType: 'image/jpeg' | 'image/svg+xml';
}

type Rasterise = (svg: string) => Promise<Uint8Array>;

let rasteriser: Promise<Rasterise | null> | null = null;

/** The drawing is 600 px; covers are stored at the size lock screens ask for, so none is resized. */
const COVER_PX = 512;
const SVG_PX = 600;

// Covers are stored as JPEG: browsers decode a raster image off the main thread, whereas an SVG
// is laid out and painted on it each time it is shown (the decks' lock-screen artwork made long
// tasks), and lock screens (Media Session) expect a raster image, 512 px in Chromium (a larger one
// is decoded and resized on the page's main thread). sharp ships prebuilt; where it
// cannot load, the cover stays an SVG rather than failing the first start.
function loadRasteriser(): Promise<Rasterise | null> {
  rasteriser ??= import('sharp').then(
    ({ default: sharp }): Rasterise => async (svg) =>
      new Uint8Array(await sharp(Buffer.from(svg), { density: (72 * COVER_PX) / SVG_PX }).jpeg({ quality: 82 }).toBuffer()),
    () => null,
  );
  return rasteriser;
}

/**
 * A 512×512 JPEG cover drawn for a title (see `coverSvg`). The drawing consumes
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
