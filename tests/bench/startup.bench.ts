// Start-up of every signed-in screen (issue #17): Lighthouse 12, mobile preset (simulated 4x CPU
// slowdown, slow 4G), performance only, median of RUNS cold runs per screen against the built
// console (`lib/cli/server.mjs`, embedded backend, demo data), beside an empty Next.js app built
// and served the same way, in interleaved rounds so a noisy minute hits every screen alike. Then
// /library warm (second visit: service worker and IndexedDB filled) and warm offline (the server
// stopped: only the worker and IndexedDB answer), and, in a real tab with 4x CPU slowdown, the long
// tasks of a warm start's first 10 s and the time from a tap on a row's ▶ to audio, on sight
// versus once the page is idle; and every screen's cold start in a plain tab (no tracing: Lighthouse's
// trace makes some work several times slower than it is). Goals are reported, never enforced: it
// exits non-zero only when a measurement could not be taken.
import { describeBuild, startBuiltConsole } from './support/console-app';
import { EMPTY_APP_READY, buildEmptyApp, nextVersion, startEmptyApp } from './support/empty-next-app';
import { launchBenchBrowser, signInBrowser, type DemoRole } from './support/lighthouse-browser';
import { runLighthouse, type LighthouseOutcome } from './support/lighthouse-run';
import { LONG_TASK_WINDOW_MS, probeWarmStart, type LongTask } from './support/startup-probe';
import { environmentLines, lighthouseTable, longTaskLines, tabStartTable, tapLines, type ScreenRuns, type TabRuns } from './support/startup-report';
import { probeColdStart } from './support/tab-start';
import { warmUp } from './support/warm-start';

const RUNS = Number(process.env.RUNS ?? 5);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`RUNS must be a whole number ≥ 1, not ${process.env.RUNS}`);
/** The first tap may take this much longer than on an idle page (as pwa-audio-start's goal). */
const TAP_TOLERANCE = 1.2;
const READY = '[data-app-ready="true"]';
/** The library counts as shown only with its rows (an empty list is ready too). */
const LIBRARY_READY = `${READY} [data-testid="track-row"]`;

interface Screen {
  name: string;
  role: DemoRole;
  path: string;
  ready: string;
}

/** An approved track of the demo catalogue, for /tracks/:id. */
async function approvedTrackId(appUrl: string, cookie: string): Promise<string> {
  const res = await fetch(`${appUrl}/api/tracks?pageSize=20`, { headers: { cookie, accept: 'application/json' } });
  if (!res.ok) throw new Error(`GET /api/tracks → ${res.status}`);
  const { items } = (await res.json()) as { items: Array<{ id: string; status: string }> };
  const track = items.find((t) => t.status === 'approved');
  if (!track) throw new Error('no approved track in the demo catalogue');
  return track.id;
}

function screensFor(trackId: string): Screen[] {
  const dj = (p: string, ready = READY): Screen => ({ name: p, role: 'dj', path: p, ready });
  return [
    dj('/library', LIBRARY_READY),
    dj('/console'),
    { ...dj(`/tracks/${trackId}`), name: '/tracks/:id' },
    dj('/playlists'),
    dj('/vip'),
    dj('/sessions'),
    { name: '/upload (producer)', role: 'producer', path: '/upload', ready: READY },
    { name: '/admin/review (admin)', role: 'admin', path: '/admin/review', ready: READY },
  ];
}

const elapsed = (since: number) => `${((Date.now() - since) / 60_000).toFixed(1)} min`;

async function main() {
  const started = Date.now();
  buildEmptyApp();
  const empty = await startEmptyApp();
  const app = await startBuiltConsole('startup');
  const bench = await launchBenchBrowser('startup');
  let broken = false;
  const note = (outcome: LighthouseOutcome) => {
    if (!outcome.metrics) broken = true;
    return outcome;
  };
  try {
    const { browser } = bench;
    console.log(`Lighthouse 12.2.3 (mobile preset), ${await browser.version()}, Next.js ${nextVersion}, ${describeBuild()}, ${RUNS} runs`);

    const trackId = await approvedTrackId(app.url, await signInBrowser(browser, app.url, 'dj'));
    const screens = screensFor(trackId);
    const cold = new Map<Screen, LighthouseOutcome[]>(screens.map((s) => [s, []]));
    const emptyRuns: ScreenRuns = { name: `empty Next.js ${nextVersion} app`, outcomes: [] };
    for (let round = 1; round <= RUNS; round += 1) {
      emptyRuns.outcomes.push(note(await runLighthouse(browser, `${empty.url}/`, { warm: false, ready: EMPTY_APP_READY })));
      let role: DemoRole | null = null;
      for (const screen of screens) {
        if (screen.role !== role) await signInBrowser(browser, app.url, (role = screen.role));
        cold.get(screen)!.push(note(await runLighthouse(browser, app.url + screen.path, { warm: false, ready: screen.ready })));
      }
      console.log(`cold round ${round}/${RUNS} done (${elapsed(started)})`);
    }

    // The same cold starts in a plain tab, without Lighthouse's trace.
    const emptyTab: TabRuns = { name: emptyRuns.name, runs: [] };
    const tabs = new Map<Screen, TabRuns>(screens.map((s) => [s, { name: s.name, runs: [] }]));
    for (let round = 1; round <= RUNS; round += 1) {
      emptyTab.runs.push(await probeColdStart(browser, `${empty.url}/`, EMPTY_APP_READY));
      let role: DemoRole | null = null;
      for (const screen of screens) {
        if (screen.role !== role) await signInBrowser(browser, app.url, (role = screen.role));
        tabs.get(screen)!.runs.push(await probeColdStart(browser, app.url + screen.path, screen.ready));
      }
    }
    console.log(`plain-tab cold starts done (${elapsed(started)})`);
    await empty.stop();

    await signInBrowser(browser, app.url, 'dj');
    const library = `${app.url}/library`;
    const warmState = await warmUp(browser, library);
    const warm: ScreenRuns = { name: '/library warm', outcomes: [] };
    for (let i = 0; i < RUNS; i += 1) warm.outcomes.push(note(await runLighthouse(browser, library, { warm: true, ready: LIBRARY_READY })));
    console.log(`warm runs done (${elapsed(started)})`);

    const longTasks: LongTask[][] = [];
    const onSight: Array<number | null> = [];
    const idle: Array<number | null> = [];
    for (let i = 0; i < RUNS; i += 1) {
      const order = i % 2 === 0 ? (['on-sight', 'idle'] as const) : (['idle', 'on-sight'] as const);
      for (const moment of order) {
        const probe = await probeWarmStart(browser, library, moment);
        if (moment === 'idle') {
          longTasks.push(probe.longTasks ?? []);
          idle.push(probe.tapToPlayingMs);
        } else onSight.push(probe.tapToPlayingMs);
      }
    }
    console.log(`long tasks and taps done (${elapsed(started)})`);

    // Offline: the console's server is gone, so the worker serves the shell and IndexedDB the data.
    await app.stop();
    const offline: ScreenRuns = { name: '/library warm offline (server stopped)', outcomes: [] };
    for (let i = 0; i < RUNS; i += 1) offline.outcomes.push(note(await runLighthouse(browser, library, { warm: true, ready: LIBRARY_READY })));
    const offlineRendered = offline.outcomes.filter((o) => !o.problem).length;

    const rows: ScreenRuns[] = [...screens.map((s) => ({ name: s.name, outcomes: cold.get(s)! })), warm, offline];
    console.log('');
    console.log(`## Lighthouse, median of ${RUNS} runs (cold unless said)`);
    for (const line of lighthouseTable(rows, emptyRuns)) console.log(line);
    console.log('');
    for (const line of environmentLines([emptyRuns, ...rows])) console.log(line);
    console.log(`warm-up before the warm runs: service worker in control ${warmState.controlled ? 'yes' : 'NO'}, ${warmState.persistedQueries} persisted queries in IndexedDB`);
    console.log(`offline runs that rendered the library's rows from the worker and IndexedDB: ${offlineRendered}/${RUNS}${offlineRendered < RUNS ? ' (see above why not)' : ''}`);
    console.log('');
    console.log(`## Cold starts in a plain tab with 4x CPU slowdown (no tracing, no network throttling), median of ${RUNS}`);
    for (const line of tabStartTable([...tabs.values()], emptyTab)) console.log(line);
    console.log('');
    console.log(`## Warm /library in a tab with 4x CPU slowdown (no network throttling), ${RUNS} loads each`);
    for (const line of longTaskLines(longTasks, LONG_TASK_WINDOW_MS)) console.log(line);
    for (const line of tapLines(onSight, idle, TAP_TOLERANCE)) console.log(line);
    console.log('');
    console.log(`whole benchmark: ${elapsed(started)}`);
  } finally {
    await bench.close();
    await app.dispose();
    await empty.stop();
  }
  if (broken) {
    console.error('some Lighthouse runs returned no measurement (see above)');
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
