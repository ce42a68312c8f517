'use client';
import { checkUploadContent, SNIFF_BYTES } from '@/lib/uploads/sniff';
import { sourceRect, type SquareCrop } from './square-crop';

/** The avatar the server stores: a square this many pixels wide at most (sharp on a Retina 96 px). */
export const AVATAR_OUTPUT_SIDE = 512;

/**
 * A picked or dropped file as an image to crop, or the reason it is not one: its first bytes
 * decide, as on the server (lib/uploads/sniff.ts), never its name or declared type.
 */
export async function loadPhoto(file: Blob): Promise<{ ok: true; image: HTMLImageElement; url: string } | { ok: false; reason: string }> {
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  const content = checkUploadContent('artwork', head);
  if (!content.ok) return { ok: false, reason: content.reason };
  const url = URL.createObjectURL(file);
  const image = new Image();
  image.src = url;
  try {
    await image.decode();
  } catch {
    URL.revokeObjectURL(url);
    return { ok: false, reason: 'This image is damaged or in a variant the browser cannot read' };
  }
  if (image.naturalWidth < 1 || image.naturalHeight < 1) {
    URL.revokeObjectURL(url);
    return { ok: false, reason: 'This image is empty' };
  }
  return { ok: true, image, url };
}

/** The crop drawn to a square JPEG: what is uploaded, whatever the photo's size or format. */
export function cropToBlob(image: HTMLImageElement, crop: SquareCrop): Promise<Blob> {
  const size = { width: image.naturalWidth, height: image.naturalHeight };
  const rect = sourceRect(crop, size);
  const side = Math.min(AVATAR_OUTPUT_SIDE, rect.side);
  const canvas = document.createElement('canvas');
  canvas.width = side;
  canvas.height = side;
  const context = canvas.getContext('2d');
  if (!context) return Promise.reject(new Error('This browser cannot draw images'));
  context.imageSmoothingQuality = 'high';
  context.drawImage(image, rect.x, rect.y, rect.side, rect.side, 0, 0, side, side);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The photo could not be encoded'))), 'image/jpeg', 0.9),
  );
}
