// A warm start of a console screen in a real tab with Chromium's CPU slowed down 4x (CDP), no
// Lighthouse: the long tasks of its first seconds (a PerformanceObserver registered before any
// page script) and the time from a tap on a row's ▶ to the track's media element playing.
import type { Browser, Page } from 'puppeteer-core';
import { openTab } from './lighthouse-browser';

export const PLAY_BUTTON = '[data-testid="play-track"]:not([disabled])';
/** The window the long tasks are counted in, from navigation start. */
export const LONG_TASK_WINDOW_MS = 10_000;
const CPU_SLOWDOWN = 4;
const VIEWPORT = { width: 1024, height: 768 };
const AUDIO_TIMEOUT_MS = 30_000;

// A string, not a function: tsx compiles functions with esbuild's keepNames, whose `__name` helper
// does not exist in the page.
const PROBE_SCRIPT = `(() => {
  if (window.top !== window) return;
  const probe = { longTasks: [], tapAt: null, playingAt: null };
  Object.defineProperty(window, '__startupProbe', { value: probe });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  addEventListener('pointerdown', (event) => {
    if (probe.tapAt === null && event.target instanceof Element && event.target.closest(${JSON.stringify(PLAY_BUTTON)})) probe.tapAt = event.timeStamp;
  }, true);
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function (...args) {
    this.addEventListener('playing', () => {
      if (probe.playingAt === null && this.currentSrc.includes('/api/tracks/')) probe.playingAt = performance.now();
    }, { once: true });
    return play.apply(this, args);
  };
})();`;

export interface LongTask {
  /** ms from navigation start. */
  start: number;
  duration: number;
}

interface ProbeState {
  longTasks: LongTask[];
  tapAt: number | null;
  playingAt: number | null;
}

export type TapMoment =
  /** As soon as a row's ▶ is on screen, while the screen is still starting. */
  | 'on-sight'
  /** Once the screen has been idle: 10 s after the button appeared and no long task for 5 s. */
  | 'idle';

export interface ProbeResult {
  /** Long tasks that started in the first LONG_TASK_WINDOW_MS (only read for an 'idle' tap, which comes later). */
  longTasks: LongTask[] | null;
  /** ms from navigation start to the ▶ being visible. */
  buttonVisibleMs: number;
  /** ms from navigation start to the tap. */
  tapMs: number | null;
  /** ms from the tap (the pointerdown's timestamp) to `playing`; null when the audio never started. */
  tapToPlayingMs: number | null;
}

const readProbe = (page: Page) => page.evaluate('window.__startupProbe') as Promise<ProbeState>;
const pageNow = (page: Page) => page.evaluate('performance.now()') as Promise<number>;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function probeWarmStart(browser: Browser, url: string, tap: TapMoment): Promise<ProbeResult> {
  const page = await openTab(browser);
  try {
    await page.setViewport(VIEWPORT);
    await page.evaluateOnNewDocument(PROBE_SCRIPT);
    const cdp = await page.createCDPSession();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const button = await page.waitForSelector(PLAY_BUTTON, { visible: true, timeout: 60_000 });
    if (!button) throw new Error(`${url}: no playable row`);
    const buttonVisibleMs = await pageNow(page);
    let longTasks: LongTask[] | null = null;
    if (tap === 'idle') {
      const earliest = Math.max(buttonVisibleMs + 10_000, LONG_TASK_WINDOW_MS);
      for (let now = await pageNow(page); now < earliest + 60_000; now = await pageNow(page)) {
        const tasks = (await readProbe(page)).longTasks;
        const lastEnd = Math.max(0, ...tasks.map((t) => t.start + t.duration));
        if (now >= earliest && now - lastEnd >= 5_000) break;
        await sleep(500);
      }
      longTasks = (await readProbe(page)).longTasks.filter((t) => t.start < LONG_TASK_WINDOW_MS);
    }
    await button.click();
    await page
      .waitForFunction('window.__startupProbe.playingAt !== null', { timeout: AUDIO_TIMEOUT_MS, polling: 50 })
      .catch(() => undefined);
    const state = await readProbe(page);
    const tapToPlayingMs = state.tapAt !== null && state.playingAt !== null ? state.playingAt - state.tapAt : null;
    return { longTasks, buttonVisibleMs, tapMs: state.tapAt, tapToPlayingMs };
  } finally {
    await page.close();
  }
}
