// The artwork route's square variants (`/api/tracks/:id/artwork?size=`, app/api/tracks/[id]/artwork):
// list thumbnails and the Media Session's artwork on Chromium need a fraction of a cover's pixels.

export const ARTWORK_VARIANT_SIZES = ['128', '256'] as const;
const ARTWORK_PATH = /^\/api\/tracks\/[A-Za-z0-9_-]{1,64}\/artwork$/;

/** `/api/tracks/:id/artwork`, the console's same-origin cover route. */
export const isArtworkPath = (pathname: string): boolean => ARTWORK_PATH.test(pathname);

/**
 * The smallest variant of at least `minPixels` a side, or the cover itself when none is that large
 * (or the URL is not the artwork route).
 */
export function artworkVariantUrl(url: string, minPixels: number): string {
  if (!isArtworkPath(url)) return url;
  const size = ARTWORK_VARIANT_SIZES.find((s) => Number(s) >= minPixels);
  return size ? `${url}?size=${size}` : url;
}
