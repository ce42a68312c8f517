'use client';
// When the owner rule (claim.ts) runs at a console start, and what playback waits for. The rule
// removes every other member's downloads, which the worker would otherwise play for anyone (it
// cannot read the HttpOnly session). The device remembers whose downloads it last made its own:
// when that is the member starting the console, no other member's download can be on it (another
// member's console start would have claimed the device first), so the rule only re-checks after
// start-up. So it does when the device holds no downloaded audio at all (nothing another member's
// could play). Otherwise it runs at once, the mark is dropped until it succeeds, and any play asked
// for meanwhile waits for it. Kept small: the player's store imports it (first load).
import { AUDIO_CACHE_NAME } from '@/lib/pwa/audio-cache';
import { afterStartup } from '@/lib/scheduling/after-startup';

export const OWNER_STORAGE_KEY = 'spynners.downloads.owner';

type OwnerStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface OwnerRuleDeps {
  /** Null where there is no storage (private mode): the rule then always runs at once. */
  storage: () => OwnerStorage | null;
  schedule: (job: () => unknown) => () => void;
  /** Whether any downloaded audio is on the device (false: nothing could play; may reject). */
  hasDownloads?: () => Promise<boolean>;
}

export interface OwnerRule {
  /** Applies the rule for `userId` with `claim`; returns a cancel for a run still scheduled. */
  apply(userId: string, claim: (userId: string) => Promise<unknown>): () => void;
  /** The claim playback must wait for, or null when audio may start at once. Never rejects. */
  gate(): Promise<void> | null;
  /** The claim for `userId` succeeded (also after a sign-in form applied it). */
  claimed(userId: string): void;
}

function safely<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

export function createOwnerRule({ storage, schedule, hasDownloads }: OwnerRuleDeps): OwnerRule {
  let gate: Promise<void> | null = null;

  const rule: OwnerRule = {
    apply(userId, claim) {
      const store = storage();
      const owner = store ? safely(() => store.getItem(OWNER_STORAGE_KEY), null) : null;
      const run = () =>
        claim(userId).then(
          () => rule.claimed(userId),
          (error: unknown) => console.warn('[downloads] could not apply the owner rule', error),
        );
      if (owner === userId) return schedule(run);
      if (store) safely(() => store.removeItem(OWNER_STORAGE_KEY), undefined);
      let cancelLater: (() => void) | null = null;
      let cancelled = false;
      const running = (async () => {
        const any = hasDownloads ? await hasDownloads().catch(() => true) : true;
        if (cancelled) return;
        if (any) await run();
        else cancelLater = schedule(run);
      })();
      gate = running;
      void running.finally(() => {
        if (gate === running) gate = null;
      });
      return () => {
        cancelled = true;
        cancelLater?.();
      };
    },
    gate: () => gate,
    claimed(userId) {
      const store = storage();
      if (store) safely(() => store.setItem(OWNER_STORAGE_KEY, userId), undefined);
    },
  };
  return rule;
}

const browserStorage = () => (typeof window === 'undefined' ? null : safely(() => window.localStorage, null));

async function anyDownloadedAudio(): Promise<boolean> {
  if (typeof caches === 'undefined' || !(await caches.has(AUDIO_CACHE_NAME))) return false;
  return (await (await caches.open(AUDIO_CACHE_NAME)).keys()).length > 0;
}

/** The page's owner rule. */
export const ownerRule = createOwnerRule({ storage: browserStorage, schedule: afterStartup, hasDownloads: anyDownloadedAudio });
