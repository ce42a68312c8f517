// The page's update flow (banner state), apart from workbox-window: the banner renders with the
// first paint, the registration (lib/pwa/register.ts) loads after it and plugs in `skipWaiting`.
import { isPlaybackActive, subscribePlayback } from './playback-guard';
import { createUpdateController, type UpdateController } from './update-controller';

let skipWaitingHook: (() => void) | null = null;

/** Called by the registration once workbox-window is there. */
export function setSkipWaiting(hook: () => void): void {
  skipWaitingHook = hook;
}

export const updates: UpdateController = createUpdateController({
  isPlaying: () => isPlaybackActive(),
  subscribePlayback,
  skipWaiting: () => skipWaitingHook?.(),
  reload: () => window.location.reload(),
});
