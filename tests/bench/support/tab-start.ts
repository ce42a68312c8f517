// A cold start of a screen in a plain tab, without tracing: Chromium's CPU slowed 4x (CDP), the
// origin's storage and the HTTP cache cleared but the cookies kept (as Lighthouse's cold runs), and
// the long tasks of the first seconds seen by a PerformanceObserver registered before any page
// script. Lighthouse's trace records every style invalidation, DOM insertion and code-cache
// deserialisation with its stack, which makes some work several times slower than it is (see the
// README's start-up section): this is the same start as a device runs it.
import type { Browser } from 'puppeteer-core';
import { openTab } from './lighthouse-browser';
import type { LongTask } from './startup-probe';

const CPU_SLOWDOWN = 4;
const VIEWPORT = { width: 820, height: 1180 };
/** Counted until the screen is ready and no long task came for this long, or the window ends. */
const QUIET_MS = 3_000;
const WINDOW_MS = 10_000;
/** Lighthouse's blocking threshold. */
const BLOCKING_OVER_MS = 50;
const CLEARED_STORAGE = 'service_workers,cache_storage,indexeddb,local_storage,file_systems,shader_cache';

const PROBE_SCRIPT = `(() => {
  if (window.top !== window) return;
  const probe = { longTasks: [], fcp: null };
  Object.defineProperty(window, '__tabStart', { value: probe });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') probe.fcp = entry.startTime;
  }).observe({ type: 'paint', buffered: true });
})();`;

interface ProbeState {
  longTasks: LongTask[];
  fcp: number | null;
}

export interface TabStart {
  /** Sum over long tasks after the first contentful paint of their time beyond 50 ms (Lighthouse's TBT rule). */
  blockingMs: number;
  longestMs: number;
  longTasks: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function blockingTime(tasks: LongTask[], fcp: number): TabStart {
  const after = tasks.filter((task) => task.start + task.duration > fcp);
  return {
    blockingMs: after.reduce((sum, task) => sum + Math.max(0, task.duration - BLOCKING_OVER_MS), 0),
    longestMs: Math.max(0, ...tasks.map((task) => task.duration)),
    longTasks: tasks.length,
  };
}

export async function probeColdStart(browser: Browser, url: string, ready: string): Promise<TabStart> {
  const page = await openTab(browser);
  try {
    await page.setViewport(VIEWPORT);
    const cdp = await page.createCDPSession();
    await cdp.send('Storage.clearDataForOrigin', { origin: new URL(url).origin, storageTypes: CLEARED_STORAGE });
    await cdp.send('Network.clearBrowserCache');
    await page.evaluateOnNewDocument(PROBE_SCRIPT);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector(ready, { timeout: 60_000 });
    const read = () => page.evaluate('window.__tabStart') as Promise<ProbeState>;
    const now = () => page.evaluate('performance.now()') as Promise<number>;
    for (let t = await now(); t < WINDOW_MS; t = await now()) {
      const { longTasks } = await read();
      const lastEnd = Math.max(0, ...longTasks.map((task) => task.start + task.duration));
      if (t - lastEnd >= QUIET_MS) break;
      await sleep(250);
    }
    const state = await read();
    return blockingTime(state.longTasks.filter((task) => task.start < WINDOW_MS), state.fcp ?? 0);
  } finally {
    await page.close();
  }
}
