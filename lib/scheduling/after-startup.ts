// Work a screen does not need for its first paint and first tap (the player engine, the outbox's
// first delivery, the downloads' owner rule, warming caches…) waits here until the page has loaded
// and the main thread has gone idle once; then it runs one job per idle callback: never one long
// task of everything at once, and never in the way of hydration or the first screen's data.
import { onIdle } from './idle';

type Job = () => unknown;

/** How long a job waits for idle time at most (a page that is never idle still runs it). */
export const JOB_IDLE_TIMEOUT_MS = 2000;

const queue: Job[] = [];
let armed = false;
let ready = false;
let running = false;

function runNext(): void {
  if (!ready || running) return;
  const job = queue.shift();
  if (!job) return;
  running = true;
  onIdle(() => {
    try {
      const result = job();
      if (result instanceof Promise) result.catch((error: unknown) => console.warn('[startup] deferred work failed', error));
    } catch (error) {
      console.warn('[startup] deferred work failed', error);
    } finally {
      running = false;
      runNext();
    }
  }, JOB_IDLE_TIMEOUT_MS);
}

function arm(): void {
  if (armed) return;
  armed = true;
  const idleOnce = () =>
    onIdle(() => {
      ready = true;
      runNext();
    }, JOB_IDLE_TIMEOUT_MS);
  if (document.readyState === 'complete') idleOnce();
  else window.addEventListener('load', idleOnce, { once: true });
}

/**
 * Runs `job` once start-up is over (page loaded, then idle), after the jobs queued before it, each
 * in an idle callback of its own. Returns a cancel function: a job not yet run is dropped.
 */
export function afterStartup(job: Job): () => void {
  if (typeof window === 'undefined') return () => undefined;
  let cancelled = false;
  queue.push(() => (cancelled ? undefined : job()));
  arm();
  runNext();
  return () => {
    cancelled = true;
  };
}
