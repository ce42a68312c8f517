'use client';
// The owner rule, applied where a member starts using the device: the sign-in and sign-up forms
// (before the console opens) and every console start (lib/offline/downloads/README.md).
import { loadDownloadManager } from './browser';
import { ownerRule } from './owner-rule';

/** How long a sign-in waits for the rule at most; past it, the console's start applies it again. */
const SIGN_IN_WAIT_MS = 5000;

/** Makes the device's downloads `userId`'s: every other member's are removed. */
export async function claimDownloads(userId: string): Promise<number> {
  const manager = await loadDownloadManager();
  return manager ? manager.claimDevice(userId) : 0;
}

/** After a sign-in: applies the rule for whoever the new session is (bounded wait, never throws). */
export async function claimDownloadsForSession(): Promise<void> {
  const work = (async () => {
    const session = (await (await fetch('/api/auth/session', { cache: 'no-store' })).json()) as { user?: { id?: unknown } } | null;
    const id = session?.user?.id;
    if (typeof id === 'string' && id !== '') {
      await claimDownloads(id);
      ownerRule.claimed(id);
    }
  })().catch((error: unknown) => console.warn('[downloads] could not apply the owner rule at sign-in', error));
  await Promise.race([work, new Promise((resolve) => setTimeout(resolve, SIGN_IN_WAIT_MS))]);
}
