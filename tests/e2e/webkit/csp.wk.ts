// WebKitGTK (the engine of iPad Safari) under the console's Content-Security-Policy: no screen
// reports a violation. WebDriver classic cannot install a listener before the page's scripts, so
// the browser's own reports (report-uri → app/api/csp-report → the console's log) are what is
// read; a deliberate violation proves they arrive.
import { wav } from '../support/audio-fixtures';
import { E2E } from '../support/servers';
import { consoleLogMark, cspLogLinesSince, expectNoReportedViolations } from '../support/csp';
import { expect, test, waitInPage, type WebKitBrowser } from '../support/webkit';

const scriptsRan = `typeof window.next?.version === 'string'`;
const appReady = `document.querySelector('[data-app-ready="true"]') !== null`;

async function open(wk: WebKitBrowser, path: string, ready = appReady): Promise<void> {
  await wk.url(`${E2E.consoleUrl}${path}`);
  await waitInPage(wk, `location.pathname === ${JSON.stringify(path)}`);
  await waitInPage(wk, ready, 30_000);
  await waitInPage(wk, scriptsRan);
}

async function signIn(wk: WebKitBrowser, email: string): Promise<void> {
  await open(wk, '/sign-in', 'document.querySelector(\'input[name="email"]\') !== null');
  await (await wk.$('input[name="email"]')).setValue(email);
  await (await wk.$('input[name="password"]')).setValue(E2E.demoPassword);
  await (await wk.$('button[type="submit"]')).click();
  await waitInPage(wk, `location.pathname !== '/sign-in'`, 20_000);
}

async function api<T>(wk: WebKitBrowser, path: string): Promise<T> {
  return (await wk.execute(async (p: string) => (await fetch(p)).json(), path)) as T;
}

const items = <T>(body: unknown): T[] => (Array.isArray(body) ? body : ((body as { items?: T[] }).items ?? [])) as T[];

test('WebKitGTK: a deliberate violation (an injected inline handler) is reported to the console log', async ({ wk }) => {
  const mark = consoleLogMark();
  await open(wk, '/sign-in', scriptsRan);
  // Injected markup, as an XSS would: an inline event handler carries no nonce.
  await wk.execute(() => document.body.insertAdjacentHTML('beforeend', '<img alt="" src="data:," onerror="window.__injected = true">'));
  await expect.poll(() => cspLogLinesSince(mark).join('\n'), { timeout: 10_000 }).toMatch(/\[csp\] violation \{"document":"http:\/\/127\.0\.0\.1:3100\/sign-in","directive":"script-src-attr"/);
  expect(await wk.execute(() => (window as { __injected?: boolean }).__injected ?? false)).toBe(false);
});

test('WebKitGTK: no violation signed out, nor on any DJ screen (deck waveform worker, mini player)', async ({ wk }) => {
  test.setTimeout(180_000);
  const mark = consoleLogMark();
  for (const path of ['/sign-in', '/sign-up', '/offline']) await open(wk, path, scriptsRan);

  await signIn(wk, E2E.demoDj);
  const tracks = items<{ id: string; title: string; isVip: boolean; isrc: string | null; durationSeconds: number | null }>(await api(wk, '/api/tracks?pageSize=100'));
  const playlists = items<{ id: string }>(await api(wk, '/api/playlists'));
  const paths = ['/library', `/tracks/${tracks[0]!.id}`, '/playlists', ...(playlists[0] ? [`/playlists/${playlists[0].id}`] : []), '/vip', '/downloads', '/sessions', '/profile'];
  for (const path of paths) await open(wk, path);

  await open(wk, '/console');
  // In landscape the decks fill the screen: the track list to load from is below them.
  const loadA = await wk.$('[data-testid="load-A"]');
  await loadA.scrollIntoView({ block: 'center' });
  await loadA.click();
  await waitInPage(wk, `document.querySelector('[data-testid="waveform-A"]')?.getAttribute('data-status') === 'ready'`, 30_000);

  // The mini player: one long demo track, then another (the first one's media element is parked
  // on a data: URI by howler).
  const long = tracks.filter((t) => !t.isVip && t.isrc?.startsWith('FR-SPY-') && (t.durationSeconds ?? 0) >= 25).map((t) => t.title);
  await open(wk, '/library');
  for (const title of long.slice(0, 2)) {
    await (await wk.$('input[type="search"]')).setValue(title);
    await waitInPage(wk, `document.querySelector('[data-testid="track-title"]')?.textContent === ${JSON.stringify(title)}`);
    await (await wk.$('[data-testid="play-track"]')).click();
    await waitInPage(wk, `document.querySelector('[data-testid="mini-title"]')?.textContent === ${JSON.stringify(title)} && document.querySelector('[data-testid="mini-player"]')?.getAttribute('data-playing') === 'true'`, 20_000);
  }
  await expectNoReportedViolations(mark, 2500);
});

test('WebKitGTK: no violation on the producer and admin screens', async ({ wk }) => {
  test.setTimeout(120_000);
  const mark = consoleLogMark();
  await signIn(wk, 'producer@spynners.local');
  await open(wk, '/upload', `document.querySelector('[data-testid="drop-zone"]') !== null`);
  // A file dropped: its tags read, its tempo estimated in the BPM worker.
  const loop = wav('loop.wav', 126, 8);
  await wk.execute((name: string, base64: string) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name, { type: 'audio/wav' }));
    document.querySelector('[data-testid="drop-zone"]')!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, loop.name, loop.buffer.toString('base64'));
  await waitInPage(wk, `document.querySelector('[data-testid="upload-card"]')?.textContent.includes('Estimated from the audio') === true`, 30_000);
  const mine = items<{ id: string }>(await api(wk, '/api/my-tracks'));
  for (const path of ['/my-tracks', `/my-tracks/${mine[0]!.id}/stats`, '/stats']) await open(wk, path);

  await wk.deleteAllCookies();
  await signIn(wk, 'admin@spynners.local');
  for (const path of ['/admin/review', '/admin/users']) await open(wk, path);
  await expectNoReportedViolations(mark, 2500);
});
