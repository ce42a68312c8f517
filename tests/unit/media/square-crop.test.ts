import { describe, expect, it } from 'vitest';
import { clampCrop, dragCrop, imagePlacement, initialCrop, MAX_ZOOM, sourceRect, zoomCrop, zoomOf } from '@/lib/media/square-crop';

const landscape = { width: 1200, height: 800 };

describe('square crop', () => {
  it('starts on the largest centred square', () => {
    expect(initialCrop(landscape)).toEqual({ cx: 600, cy: 400, side: 800 });
    expect(sourceRect(initialCrop(landscape), landscape)).toEqual({ x: 200, y: 0, side: 800 });
    expect(zoomOf(initialCrop(landscape), landscape)).toBe(1);
  });

  it('follows a drag, scaled from screen to image pixels, and never leaves the image', () => {
    // View 200 px wide showing 800 image px: 1 screen px = 4 image px; dragging right shows more of the left.
    const moved = dragCrop(initialCrop(landscape), landscape, 25, 0, 200);
    expect(moved.cx).toBe(500);
    expect(dragCrop(initialCrop(landscape), landscape, 1000, 1000, 200)).toEqual({ cx: 400, cy: 400, side: 800 });
    expect(sourceRect(dragCrop(initialCrop(landscape), landscape, -1000, 0, 200), landscape)).toEqual({ x: 400, y: 0, side: 800 });
  });

  it('zooms about the focus point and stays between 1x and MAX_ZOOM', () => {
    const start = initialCrop(landscape);
    const centred = zoomCrop(start, landscape, 2, { x: 100, y: 100 }, 200);
    expect(centred).toEqual({ cx: 600, cy: 400, side: 400 });
    // The image point under the top-left corner of the view stays there.
    const corner = zoomCrop(start, landscape, 2, { x: 0, y: 0 }, 200);
    expect(sourceRect(corner, landscape)).toEqual({ x: 200, y: 0, side: 400 });
    expect(zoomOf(zoomCrop(start, landscape, 99, { x: 100, y: 100 }, 200), landscape)).toBe(MAX_ZOOM);
    expect(zoomOf(zoomCrop(centred, landscape, 0.1, { x: 100, y: 100 }, 200), landscape)).toBe(1);
  });

  it('places the image so that the crop fills the view', () => {
    expect(imagePlacement({ cx: 600, cy: 400, side: 400 }, landscape, 200)).toEqual({ left: -200, top: -100, width: 600, height: 400 });
  });

  it('keeps a crop larger than the image inside it', () => {
    expect(clampCrop({ cx: 0, cy: 0, side: 5000 }, landscape)).toEqual({ cx: 400, cy: 400, side: 800 });
  });
});
