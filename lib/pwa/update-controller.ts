// When a new service worker (a new release) is waiting: show it, apply it when the DJ accepts, and
// never while anything plays. Pure state machine over injected effects (tested in tests/unit/sw);
// lib/pwa/register.ts wires it to workbox-window and components/pwa/update-banner.tsx shows it.
//
//   idle ──waiting──▶ available ──accept──▶ applying ──controlling──▶ reload
//                         │                    ▲
//                         └─accept, playing──▶ deferred ──playback stops──┘
//
// "Later" (dismiss) hides the banner; the waiting worker then takes over on the next cold start,
// as a waiting worker does when no page uses the old one.

export type UpdatePhase = 'idle' | 'available' | 'deferred' | 'applying';

export interface UpdateSnapshot {
  phase: UpdatePhase;
  dismissed: boolean;
}

export interface UpdateEffects {
  isPlaying: () => boolean;
  subscribePlayback: (listener: () => void) => () => void;
  /** Tells the waiting worker to activate (workbox-window's messageSkipWaiting). */
  skipWaiting: () => void;
  reload: () => void;
}

export interface UpdateController {
  getSnapshot: () => UpdateSnapshot;
  subscribe: (listener: () => void) => () => void;
  /** A new worker is installed and waiting. */
  updateWaiting: () => void;
  /** The DJ pressed Reload. */
  accept: () => void;
  dismiss: () => void;
  /** The page's controller changed; `isUpdate` when it replaced an earlier worker. */
  controlling: (isUpdate: boolean) => void;
}

export function createUpdateController(effects: UpdateEffects): UpdateController {
  let snapshot: UpdateSnapshot = { phase: 'idle', dismissed: false };
  const listeners = new Set<() => void>();
  let reloading = false;

  const set = (next: Partial<UpdateSnapshot>) => {
    snapshot = { ...snapshot, ...next };
    for (const listener of [...listeners]) listener();
  };

  /** Runs `action` now if nothing plays, else as soon as playback stops. */
  const whenQuiet = (action: () => void) => {
    if (!effects.isPlaying()) return action();
    const unsubscribe = effects.subscribePlayback(() => {
      if (effects.isPlaying()) return;
      unsubscribe();
      action();
    });
  };

  const apply = () => {
    // Checked again at the last moment: playback may have started since the DJ pressed Reload.
    if (effects.isPlaying()) return whenQuiet(apply);
    set({ phase: 'applying' });
    effects.skipWaiting();
  };

  const reloadWhenQuiet = () => {
    if (reloading) return;
    reloading = true;
    whenQuiet(effects.reload);
  };

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    updateWaiting() {
      if (snapshot.phase === 'idle') set({ phase: 'available', dismissed: false });
    },
    accept() {
      if (snapshot.phase !== 'available') return;
      if (effects.isPlaying()) {
        set({ phase: 'deferred' });
        whenQuiet(apply);
      } else {
        apply();
      }
    },
    dismiss() {
      if (snapshot.phase === 'available') set({ dismissed: true });
    },
    controlling(isUpdate) {
      // Our accepted update, or one accepted in another window: this page runs the old release's
      // code under the new worker (whose precache no longer has the old chunks) until it reloads.
      if (snapshot.phase === 'applying' || isUpdate) reloadWhenQuiet();
    },
  };
}
