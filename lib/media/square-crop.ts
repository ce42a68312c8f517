// A square crop of an image, as the avatar cropper holds it: the square's centre and side in the
// image's own pixels. Kept in image pixels (not screen pixels) so the crop survives the crop view
// being resized, and the output is the same whatever the screen.

export interface Size {
  width: number;
  height: number;
}

export interface SquareCrop {
  /** Centre of the square, image pixels. */
  cx: number;
  cy: number;
  /** Side of the square, image pixels: the image's short side at zoom 1. */
  side: number;
}

export const MAX_ZOOM = 4;

/** The largest centred square: the whole short side. */
export function initialCrop(image: Size): SquareCrop {
  return { cx: image.width / 2, cy: image.height / 2, side: Math.min(image.width, image.height) };
}

export function zoomOf(crop: SquareCrop, image: Size): number {
  return Math.min(image.width, image.height) / crop.side;
}

/** The square kept inside the image, its zoom between 1 and MAX_ZOOM. */
export function clampCrop(crop: SquareCrop, image: Size): SquareCrop {
  const short = Math.min(image.width, image.height);
  const side = Math.min(short, Math.max(short / MAX_ZOOM, crop.side));
  const half = side / 2;
  return {
    side,
    cx: Math.min(image.width - half, Math.max(half, crop.cx)),
    cy: Math.min(image.height - half, Math.max(half, crop.cy)),
  };
}

/** A drag of (dx, dy) screen pixels over a view `viewSide` pixels wide: the image follows the finger. */
export function dragCrop(crop: SquareCrop, image: Size, dx: number, dy: number, viewSide: number): SquareCrop {
  const perScreenPixel = crop.side / viewSide;
  return clampCrop({ ...crop, cx: crop.cx - dx * perScreenPixel, cy: crop.cy - dy * perScreenPixel }, image);
}

/**
 * Zoom to `zoom`, keeping the image point under `focus` (screen pixels from the view's top left)
 * where it is: under the pointer for a wheel or a pinch, the centre for the slider.
 */
export function zoomCrop(crop: SquareCrop, image: Size, zoom: number, focus: { x: number; y: number }, viewSide: number): SquareCrop {
  const short = Math.min(image.width, image.height);
  const side = short / Math.min(MAX_ZOOM, Math.max(1, zoom));
  const fx = focus.x - viewSide / 2;
  const fy = focus.y - viewSide / 2;
  const px = crop.cx + (fx * crop.side) / viewSide;
  const py = crop.cy + (fy * crop.side) / viewSide;
  return clampCrop({ side, cx: px - (fx * side) / viewSide, cy: py - (fy * side) / viewSide }, image);
}

/** Where to draw the whole image in the view so that the crop fills it (CSS pixels). */
export function imagePlacement(crop: SquareCrop, image: Size, viewSide: number): { left: number; top: number; width: number; height: number } {
  const scale = viewSide / crop.side;
  return {
    left: viewSide / 2 - crop.cx * scale,
    top: viewSide / 2 - crop.cy * scale,
    width: image.width * scale,
    height: image.height * scale,
  };
}

/** The crop's source rectangle, whole pixels, inside the image (for drawImage). */
export function sourceRect(crop: SquareCrop, image: Size): { x: number; y: number; side: number } {
  const side = Math.max(1, Math.min(Math.round(crop.side), image.width, image.height));
  const x = Math.min(image.width - side, Math.max(0, Math.round(crop.cx - crop.side / 2)));
  const y = Math.min(image.height - side, Math.max(0, Math.round(crop.cy - crop.side / 2)));
  return { x, y, side };
}
