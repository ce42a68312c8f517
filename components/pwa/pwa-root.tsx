'use client';
import { useEffect } from 'react';
import { afterStartup } from '@/lib/scheduling/after-startup';
import { InstallHint } from './install-hint';
import { UpdateBanner } from './update-banner';

/**
 * The console's PWA chrome: registers the service worker, shows updates and the install hint. The
 * registration (workbox-window, the first update check, asking the worker to warm the tabs) waits
 * for the end of start-up: a first install precaches the whole console, which must not compete
 * with the first screen, and an installed worker already controls the page.
 */
export function PwaRoot() {
  useEffect(
    () =>
      afterStartup(() =>
        import('@/lib/pwa/register').then(
          ({ registerServiceWorker }) => registerServiceWorker(),
          (error: unknown) => console.warn('[pwa] could not load the service worker registration', error),
        ),
      ),
    [],
  );
  return (
    <>
      <UpdateBanner />
      <InstallHint />
    </>
  );
}
