// Whether the console can reach its own server, from real probes rather than `navigator.onLine`
// alone (which says "online" on a Wi-Fi with no way out, and TanStack's onlineManager starts as
// online regardless, TanStack #5714). Feeds onlineManager, so paused queries resume and stale ones
// refetch by themselves when the server is reachable again.
import { onlineManager } from '@tanstack/react-query';
import { afterStartup } from '@/lib/scheduling/after-startup';

export interface ConnectivityState {
  online: boolean;
  /** When the server last answered a probe (ms since epoch); null until one has. */
  lastOnlineAt: number | null;
}

export interface ConnectivityDeps {
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  /** Where `online` / `offline` / `focus` are heard (window in the browser). */
  events?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  /** Where `visibilitychange` is heard, and its visibilityState (document in the browser). */
  visibility?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> & { visibilityState: string };
  initiallyOnline?: boolean;
  probeUrl?: string;
  probeTimeoutMs?: number;
  /** Probe backoff while offline: base * 2^(failures - 1), capped, with equal jitter. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** While online, focus / visibility re-probe only if the last probe is older than this. */
  recheckAfterMs?: number;
  now?: () => number;
  random?: () => number;
  /** Runs start()'s first probe (at once by default; the browser's waits until start-up is over). */
  deferFirstProbe?: (probe: () => void) => void;
}

export interface Connectivity {
  getSnapshot: () => ConnectivityState;
  subscribe: (listener: () => void) => () => void;
  /** Probes now (joins a probe in flight); resolves to whether the server answered. */
  probe: () => Promise<boolean>;
  /** A request failed at the network level: go offline and probe with backoff until it answers. */
  reportNetworkFailure: () => void;
  /** Starts listening to online/offline/focus/visibility and probes once. */
  start: () => void;
  stop: () => void;
}

export const HEALTH_PATH = '/api/health';

export function createConnectivity(deps: ConnectivityDeps): Connectivity {
  const {
    probeUrl = HEALTH_PATH,
    probeTimeoutMs = 5000,
    backoffBaseMs = 1000,
    backoffMaxMs = 30_000,
    recheckAfterMs = 30_000,
    now = Date.now,
    random = Math.random,
    deferFirstProbe = (run) => run(),
  } = deps;
  let state: ConnectivityState = { online: deps.initiallyOnline ?? true, lastOnlineAt: null };
  const listeners = new Set<() => void>();
  let failures = 0;
  let inFlight: Promise<boolean> | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let lastProbeAt = -Infinity;
  let started = false;

  const set = (next: ConnectivityState) => {
    if (next.online === state.online && next.lastOnlineAt === state.lastOnlineAt) return;
    state = next;
    for (const listener of [...listeners]) listener();
  };

  const cancelRetry = () => {
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = undefined;
  };

  const scheduleRetry = () => {
    cancelRetry();
    const ceiling = Math.min(backoffMaxMs, backoffBaseMs * 2 ** Math.max(0, failures - 1));
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void probe();
    }, ceiling / 2 + random() * (ceiling / 2));
  };

  const reachable = async (): Promise<boolean> => {
    try {
      // 204 and nothing else: a captive portal or a proxy error page is not our server.
      const res = await deps.fetch(probeUrl, {
        method: 'HEAD',
        cache: 'no-store',
        credentials: 'omit',
        signal: AbortSignal.timeout(probeTimeoutMs),
      });
      return res.status === 204;
    } catch {
      return false;
    }
  };

  const probe = (): Promise<boolean> => {
    if (inFlight) return inFlight;
    cancelRetry();
    lastProbeAt = now();
    inFlight = reachable().then((ok) => {
      inFlight = null;
      if (ok) {
        failures = 0;
        set({ online: true, lastOnlineAt: now() });
      } else {
        failures += 1;
        set({ ...state, online: false });
        if (started) scheduleRetry();
      }
      return ok;
    });
    return inFlight;
  };

  const goOffline = () => {
    set({ ...state, online: false });
    if (started && !inFlight && !retryTimer) scheduleRetry();
  };

  const onOnline = () => {
    failures = 0;
    void probe();
  };
  const onWake = () => {
    if (!state.online || now() - lastProbeAt >= recheckAfterMs) {
      if (!state.online) failures = 0;
      void probe();
    }
  };
  const onVisibility = () => {
    if (deps.visibility?.visibilityState === 'visible') onWake();
  };

  return {
    getSnapshot: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    probe,
    reportNetworkFailure() {
      if (!started) return set({ ...state, online: false });
      if (state.online) {
        // Offline at once (queries pause instead of burning retries), then ask the server.
        set({ ...state, online: false });
        void probe();
      } else {
        goOffline();
      }
    },
    start() {
      if (started) return;
      started = true;
      deps.events?.addEventListener('online', onOnline);
      deps.events?.addEventListener('offline', goOffline);
      deps.events?.addEventListener('focus', onWake);
      deps.visibility?.addEventListener('visibilitychange', onVisibility);
      deferFirstProbe(() => {
        if (started && !inFlight && lastProbeAt === -Infinity) void probe();
      });
    },
    stop() {
      started = false;
      cancelRetry();
      deps.events?.removeEventListener('online', onOnline);
      deps.events?.removeEventListener('offline', goOffline);
      deps.events?.removeEventListener('focus', onWake);
      deps.visibility?.removeEventListener('visibilitychange', onVisibility);
    },
  };
}

/** Makes `connectivity` the only source of TanStack's online state. Returns the undo. */
export function connectOnlineManager(connectivity: Connectivity, manager = onlineManager): () => void {
  manager.setEventListener((setOnline) => {
    const sync = () => setOnline(connectivity.getSnapshot().online);
    const unsubscribe = connectivity.subscribe(sync);
    connectivity.start();
    sync();
    return () => {
      unsubscribe();
      connectivity.stop();
    };
  });
  // setEventListener runs the cleanup of the listener it replaces; a no-op one detaches ours.
  return () => manager.setEventListener(() => undefined);
}

let browserConnectivity: Connectivity | null = null;

/** The browser's connectivity (a detached, always-online stand-in on the server). */
export function getConnectivity(): Connectivity {
  if (browserConnectivity) return browserConnectivity;
  if (typeof window === 'undefined') {
    return createConnectivity({ fetch: () => Promise.reject(new Error('no network on the server')) });
  }
  browserConnectivity = createConnectivity({
    fetch: (url, init) => window.fetch(url, init),
    events: window,
    visibility: document,
    initiallyOnline: navigator.onLine,
    // A failing request reports itself at once (reportNetworkFailure); the first probe only
    // confirms, so it stays out of the screen's first seconds.
    deferFirstProbe: (run) => void afterStartup(run),
  });
  return browserConnectivity;
}
