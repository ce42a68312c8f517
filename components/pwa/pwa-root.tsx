'use client';
import { useEffect } from 'react';
import { InstallHint } from './install-hint';
import { UpdateBanner } from './update-banner';

/** The console's PWA chrome: registers the service worker, shows updates and the install hint. */
export function PwaRoot() {
  // workbox-window loads after the first paint, in its own (precached) chunk.
  useEffect(() => {
    void import('@/lib/pwa/register').then(({ registerServiceWorker }) => registerServiceWorker());
  }, []);
  return (
    <>
      <UpdateBanner />
      <InstallHint />
    </>
  );
}
