import { describe, expect, it } from 'vitest';
import { artworkVariantUrl } from '@/lib/domain/artwork';
import { mediaSessionArtwork } from '@/lib/player/media-artwork';

const cover = '/api/tracks/abc123/artwork';

describe('artwork variants', () => {
  it('picks the smallest variant at least as large as asked, else the cover', () => {
    expect(artworkVariantUrl(cover, 88)).toBe(`${cover}?size=128`);
    expect(artworkVariantUrl(cover, 128)).toBe(`${cover}?size=128`);
    expect(artworkVariantUrl(cover, 144)).toBe(`${cover}?size=256`);
    expect(artworkVariantUrl(cover, 480)).toBe(cover);
    expect(artworkVariantUrl('https://cdn.example/x.jpg', 88)).toBe('https://cdn.example/x.jpg');
  });
});

describe('Media Session artwork', () => {
  it('gives Chromium the 256 px variant (it decodes artwork on the page main thread)', () => {
    expect(mediaSessionArtwork(cover, 'chromium')).toEqual([{ src: `${cover}?size=256`, sizes: '256x256', type: 'image/jpeg' }]);
  });

  it('gives other engines (the iPad lock screen) the cover itself', () => {
    expect(mediaSessionArtwork(cover, 'other')).toEqual([{ src: cover, sizes: '512x512' }]);
  });

  it('leaves URLs that are not the artwork route alone, and gives nothing without a cover', () => {
    expect(mediaSessionArtwork('https://cdn.example/x.jpg', 'chromium')).toEqual([{ src: 'https://cdn.example/x.jpg', sizes: '512x512' }]);
    expect(mediaSessionArtwork(null, 'chromium')).toEqual([]);
  });
});
