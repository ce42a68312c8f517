'use client';
import { AUDIO_CHANGED_MESSAGE } from '@/lib/pwa/audio-cache';

/** The worker answers recently played tracks from a short-lived copy: removed files must not be. */
export function tellWorkerAudioChanged(): void {
  if (!('serviceWorker' in navigator)) return;
  void navigator.serviceWorker
    .getRegistration()
    .then((registration) => registration?.active?.postMessage({ type: AUDIO_CHANGED_MESSAGE }))
    .catch(() => undefined);
}
