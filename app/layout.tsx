import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'SPYNNERS Live Console', template: '%s · SPYNNERS' },
  description: 'The SPYNNERS promo pool for DJs and producers: browse, play, collect and report.',
  applicationName: 'SPYNNERS Live Console',
};

export const viewport: Viewport = {
  themeColor: '#0b0b10',
  colorScheme: 'dark',
  width: 'device-width',
  initialScale: 1,
  viewportFit: 'cover',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
