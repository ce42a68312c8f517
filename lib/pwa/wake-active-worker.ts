// Accepting an update, Chromium-safe. When the waiting worker calls skipWaiting(), Chromium tells
// the active worker to stop as soon as its events settle only if that worker is *running* at that
// moment. One that is just starting (a page request woke it an instant before) is not told, and
// holds the update back for its whole idle timeout: 30 s, or for ever while DevTools is attached
// (content/browser/service_worker: ActivateWaitingVersionWhenReady, TriggerIdleTerminationAsap).
// Seen in CI: the banner stayed on "Loading the new version…". So the page wakes the active worker
// and waits for its answer before it sends SKIP_WAITING. Pure: the messaging is passed in.

/** Sent to the active worker, which answers on the message's port (lib/sw/sw.ts). */
export const WAKE_MESSAGE = 'WAKE';
/** A worker of a release without the answer never replies: the update goes ahead after this. */
export const WAKE_TIMEOUT_MS = 2000;

export interface WakeThenSkipDeps {
  /** Posts WAKE_MESSAGE to the active worker; resolves on its answer. Absent: no active worker. */
  wakeActive: (() => Promise<unknown>) | null;
  skipWaiting: () => void;
  timeoutMs?: number;
}

export async function wakeThenSkipWaiting({ wakeActive, skipWaiting, timeoutMs = WAKE_TIMEOUT_MS }: WakeThenSkipDeps): Promise<void> {
  if (wakeActive) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    await Promise.race([wakeActive().catch(() => undefined), timeout]);
    clearTimeout(timer);
  }
  skipWaiting();
}
