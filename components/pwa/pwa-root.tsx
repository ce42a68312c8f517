'use client';
import { useEffect } from 'react';
import { registerServiceWorker } from '@/lib/pwa/register';
import { InstallHint } from './install-hint';
import { UpdateBanner } from './update-banner';

/** The console's PWA chrome: registers the service worker, shows updates and the install hint. */
export function PwaRoot() {
  useEffect(registerServiceWorker, []);
  return (
    <>
      <UpdateBanner />
      <InstallHint />
    </>
  );
}
