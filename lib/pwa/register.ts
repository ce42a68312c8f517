// Registers the console's service worker (public/sw.js, built by lib/cli/build-sw.mjs) with
// workbox-window, in production builds only, and feeds the update flow (lib/pwa/updates.ts).
import { Workbox, messageSW } from 'workbox-window';
import { setSkipWaiting, updates } from './updates';
import { WAKE_MESSAGE, wakeThenSkipWaiting } from './wake-active-worker';

export const SERVICE_WORKER_URL = '/sw.js';
/** An installed console may stay open for days: look for a new release this often when shown. */
const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

let workbox: Workbox | null = null;

export function serviceWorkerSupported(): boolean {
  return typeof window !== 'undefined' && 'serviceWorker' in navigator && window.isSecureContext;
}

/** Idempotent; a no-op in development (`next dev`) and where service workers are unavailable. */
export function registerServiceWorker(): void {
  if (workbox || process.env.NODE_ENV !== 'production' || !serviceWorkerSupported()) return;
  const wb = new Workbox(SERVICE_WORKER_URL, { scope: '/' });
  workbox = wb;
  setSkipWaiting(() => {
    const active = navigator.serviceWorker.controller;
    void wakeThenSkipWaiting({
      wakeActive: active ? () => messageSW(active, { type: WAKE_MESSAGE }) : null,
      skipWaiting: () => wb.messageSkipWaiting(),
    });
  });
  wb.addEventListener('waiting', () => updates.updateWaiting());
  wb.addEventListener('controlling', (event) => updates.controlling(Boolean(event.isUpdate)));

  wb.register({ immediate: true }).then(
    () => {
      warmPages();
      let lastCheck = Date.now();
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState !== 'visible' || Date.now() - lastCheck < UPDATE_CHECK_INTERVAL_MS) return;
        lastCheck = Date.now();
        void wb.update().catch(() => undefined);
      });
    },
    (error: unknown) => console.warn('[pwa] service worker registration failed', error),
  );
}

/**
 * Asks the worker to cache the console's tabs it does not have yet (after a sign-in they were
 * purged with the previous DJ's pages), so the next cold start offline opens any of them.
 */
function warmPages(): void {
  const controller = navigator.serviceWorker.controller;
  if (!controller || !navigator.onLine) return;
  controller.postMessage({ type: 'WARM_PAGES' });
}
