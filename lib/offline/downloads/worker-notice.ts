'use client';
import { AUDIO_CHANGED_MESSAGE } from '@/lib/pwa/audio-cache';

/**
 * Downloads changed (a file stored or removed): the worker re-reads its index of downloaded tracks
 * and forgets the copies it answered from (lib/sw/downloaded-index.ts, lib/sw/recent-audio.ts).
 * Sent to the registration's active worker, which may not control this page yet.
 */
export function tellWorkerAudioChanged(): void {
  if (!('serviceWorker' in navigator)) return;
  void navigator.serviceWorker
    .getRegistration()
    .then((registration) => registration?.active?.postMessage({ type: AUDIO_CHANGED_MESSAGE }))
    .catch(() => undefined);
}
