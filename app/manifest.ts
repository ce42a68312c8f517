import type { MetadataRoute } from 'next';

// The web app manifest (/manifest.webmanifest): what Chromium installs and Android shows. iPadOS
// reads the apple-* meta tags and the apple-touch-icon instead (app/layout.tsx).
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: '/',
    name: 'SPYNNERS Live Console',
    short_name: 'SPYNNERS',
    description: 'The SPYNNERS promo pool for DJs: browse, play and collect, offline too.',
    start_url: '/library',
    scope: '/',
    display: 'standalone',
    orientation: 'any',
    theme_color: '#0b0b10',
    background_color: '#0b0b10',
    categories: ['music', 'entertainment'],
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
