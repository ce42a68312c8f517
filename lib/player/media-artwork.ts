// The artwork the lock screen / media controls get. Chromium downloads and decodes it on the page's
// main thread, at its desired 512 px: a 50-80 ms task when a deck starts with the CPU throttled 4x
// (issue #6's long tasks). Its own surfaces (media hub, notifications) show it at 200 px or less,
// so Chromium gets the route's 256 px variant. Safari shows it large on the iPad lock screen and
// decodes it off the page: it gets the cover itself.
import { artworkVariantUrl } from '@/lib/domain/artwork';

const CHROMIUM_ARTWORK_PIXELS = 256;

/** `engine`: 'chromium' where `navigator.userAgentData` exists (Chromium alone has it). */
export function mediaSessionArtwork(artworkUrl: string | null, engine: 'chromium' | 'other'): MediaImage[] {
  if (!artworkUrl) return [];
  const variant = engine === 'chromium' ? artworkVariantUrl(artworkUrl, CHROMIUM_ARTWORK_PIXELS) : artworkUrl;
  if (variant === artworkUrl) return [{ src: artworkUrl, sizes: '512x512' }];
  return [{ src: variant, sizes: `${CHROMIUM_ARTWORK_PIXELS}x${CHROMIUM_ARTWORK_PIXELS}`, type: 'image/jpeg' }];
}

export function browserEngine(): 'chromium' | 'other' {
  return typeof navigator !== 'undefined' && 'userAgentData' in navigator ? 'chromium' : 'other';
}
