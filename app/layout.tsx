import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { connection } from 'next/server';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'SPYNNERS Live Console', template: '%s · SPYNNERS' },
  description: 'The SPYNNERS promo pool for DJs and producers: browse, play, collect and report.',
  applicationName: 'SPYNNERS Live Console',
  // Installable: the web manifest (app/manifest.ts) for Chromium; for iPad Safari (Share → Add to
  // Home Screen) the apple-touch-icon and the Apple web-app tags. Next writes `mobile-web-app-capable`
  // for `capable`; older iPadOS only reads the apple- prefixed name, hence `other`.
  manifest: '/manifest.webmanifest',
  appleWebApp: { capable: true, title: 'SPYNNERS', statusBarStyle: 'black-translucent' },
  icons: {
    icon: [{ url: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }],
    apple: [{ url: '/apple-touch-icon.png', sizes: '180x180', type: 'image/png' }],
  },
  other: { 'apple-mobile-web-app-capable': 'yes' },
};

export const viewport: Viewport = {
  themeColor: '#0b0b10',
  colorScheme: 'dark',
  width: 'device-width',
  initialScale: 1,
  viewportFit: 'cover',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request: Next stamps the request's CSP nonce (proxy.ts) on its
  // scripts only while rendering, so a page prerendered at build time would carry none and run none.
  await connection();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
