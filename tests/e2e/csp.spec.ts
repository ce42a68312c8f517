// Security headers and the Content-Security-Policy the console must satisfy (issue #16, finding 6).
// Every screen is opened in Chromium with a violation listener installed before any page script,
// and the console's report log is checked too; a deliberate violation proves both would see one.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { signInThroughApi, signInThroughUi } from './support/auth';
import { id3, mp3, wav, type Fixture } from './support/audio-fixtures';
import {
  consoleLogMark,
  cspLogLinesSince,
  expectNoReportedViolations,
  expectScriptsCarry,
  policyNonce,
  watchViolations,
  type SeenViolation,
} from './support/csp';
import { catalogueSaved, controlledPage } from './support/offline';
import { E2E } from './support/servers';

const ready = (page: Page) => expect(page.locator('[data-app-ready="true"]').first()).toBeVisible({ timeout: 20_000 });
/**
 * Next's client runtime ran (its scripts were allowed): it announces itself on window.next. Polled
 * with evaluate: page.waitForFunction runs its predicate through eval, which the policy refuses.
 */
const hydrated = (page: Page) =>
  expect.poll(() => page.evaluate(() => typeof (window as { next?: { version?: string } }).next?.version)).toBe('string');
const items = <T>(body: unknown): T[] => (Array.isArray(body) ? body : ((body as { items?: T[] }).items ?? [])) as T[];

/** Opens a screen as a document load and checks its scripts ran and nothing was refused. */
async function visit(page: Page, seen: SeenViolation[], path: string, isReady: (page: Page) => Promise<unknown> = ready): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  const policy = response!.headers()['content-security-policy'];
  expectScriptsCarry(await response!.text(), policyNonce(policy));
  await isReady(page);
  await hydrated(page);
  expect(seen, `CSP violations on ${path}`).toEqual([]);
}

test.describe('security headers', () => {
  test('documents carry a nonce policy, fresh per request, that the HTML satisfies; no unsafe-inline for scripts', async ({ request }) => {
    const first = await request.get('/sign-in');
    const second = await request.get('/sign-in');
    const [a, b] = [first.headers()['content-security-policy'], second.headers()['content-security-policy']];
    expect(a).toBeTruthy();
    expect(policyNonce(a)).not.toBe(policyNonce(b));
    const scriptSrc = /(?:^|;\s*)script-src ([^;]*)/.exec(a!)![1]!;
    expect(scriptSrc).toContain("'strict-dynamic'");
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    for (const directive of ["object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'", "worker-src 'self' blob:", "connect-src 'self'", 'report-uri /api/csp-report']) {
      expect(a).toContain(directive);
    }
    expectScriptsCarry(await first.text(), policyNonce(a));
    expectScriptsCarry(await second.text(), policyNonce(b));
    // The offline page (precached by the service worker) is a document like the others.
    const offline = await request.get('/offline');
    expectScriptsCarry(await offline.text(), policyNonce(offline.headers()['content-security-policy']));
  });

  test('every answer: nosniff, same-origin referrer, no framing, microphone for this origin only', async ({ request }) => {
    for (const path of ['/sign-in', '/api/health', '/manifest.webmanifest']) {
      const res = path === '/api/health' ? await request.head(path) : await request.get(path);
      const headers = res.headers();
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['referrer-policy'], path).toBe('same-origin');
      expect(headers['x-frame-options'], path).toBe('DENY');
      expect(headers['permissions-policy'], path).toBe('camera=(), microphone=(self), geolocation=()');
    }
  });

  test('API answers (JSON, artwork, audio) carry a policy that allows nothing, and still work', async ({ request }) => {
    await signInThroughApi(request, E2E.demoDj, E2E.demoPassword);
    const tracks = items<{ id: string; artworkUrl: string | null; audioUrl: string | null }>(await (await request.get('/api/tracks?pageSize=50')).json());
    const track = tracks.find((t) => t.artworkUrl && t.audioUrl)!;
    const answers = [
      await request.get('/api/me'),
      await request.get(track.artworkUrl!),
      await request.get(track.audioUrl!, { headers: { Range: 'bytes=0-1' } }),
    ];
    expect(answers.map((r) => r.status())).toEqual([200, 200, 206]);
    expect(answers[1]!.headers()['content-type']).toMatch(/^image\//);
    for (const res of answers) expect(res.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  test('HSTS only where the public URL is https (the in-process console), with upgrade-insecure-requests', async ({ request, playwright }) => {
    const plain = await request.get('/sign-in');
    expect(plain.headers()['strict-transport-security']).toBeUndefined();
    expect(plain.headers()['content-security-policy']).not.toContain('upgrade-insecure-requests');
    const https = await playwright.request.newContext({ baseURL: E2E.inProcessUrl });
    const res = await https.get('/sign-in');
    expect(res.headers()['strict-transport-security']).toBe('max-age=63072000; includeSubDomains');
    expect(res.headers()['content-security-policy']).toContain('upgrade-insecure-requests');
    await https.dispose();
  });
});

test.describe('no CSP violation on any screen', () => {
  test('a deliberate violation (an injected inline handler) is refused, seen by the listener and logged by the console', async ({ page, context }) => {
    const seen = await watchViolations(context);
    const mark = consoleLogMark();
    await visit(page, seen, '/sign-in', hydrated);
    // Injected markup, as an XSS would: an inline event handler carries no nonce. (A script element
    // created by script is trusted through 'strict-dynamic', by design: only markup is suspect.)
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img alt="" src="data:," onerror="window.__injected = true">'));
    await expect.poll(() => seen.map((v) => `${v.directive} ${v.blocked}`)).toContain('script-src-attr inline');
    expect(await page.evaluate(() => (window as { __injected?: boolean }).__injected ?? false)).toBe(false);
    await expect.poll(() => cspLogLinesSince(mark).join('\n'), { timeout: 10_000 }).toMatch(/\[csp\] violation \{"document":"http:\/\/127\.0\.0\.1:3100\/sign-in","directive":"script-src-attr","blocked":"inline"/);
  });

  test('signed out: sign-in, sign-up, offline; then the demo DJ on every tab, a deck with its waveform worker, the mini player', async ({ page, context }) => {
    test.setTimeout(180_000);
    const seen = await watchViolations(context);
    const mark = consoleLogMark();
    for (const path of ['/sign-in', '/sign-up', '/offline']) await visit(page, seen, path, hydrated);

    await signInThroughUi(page, E2E.demoDj, E2E.demoPassword);
    expect(seen).toEqual([]);
    const track = items<{ id: string }>(await (await page.request.get('/api/tracks?pageSize=1')).json())[0]!;
    const playlistId = await aPlaylistOf(page.request);
    for (const path of ['/library', `/tracks/${track.id}`, '/playlists', `/playlists/${playlistId}`, '/vip', '/downloads', '/sessions', '/profile']) {
      await visit(page, seen, path);
    }

    // Decks: a track loaded, its waveform computed in the Web Worker (worker-src).
    await visit(page, seen, '/console');
    await page.getByTestId('load-A').first().click();
    const waveform = page.getByTestId('waveform-A');
    await expect(waveform).toHaveAttribute('data-status', 'ready', { timeout: 20_000 });
    await expect(waveform).toHaveAttribute('data-source', 'worker');
    expect(seen).toEqual([]);

    // The mini player streams the console's audio (media-src): one long demo track, then another
    // (howler parks the first one's media element on a data: URI).
    const catalogue = items<{ title: string; isVip: boolean; isrc: string | null; durationSeconds: number | null }>(
      await (await page.request.get('/api/tracks?pageSize=100')).json(),
    );
    const long = catalogue.filter((t) => !t.isVip && t.isrc?.startsWith('FR-SPY-') && (t.durationSeconds ?? 0) >= 25).map((t) => t.title);
    await visit(page, seen, '/library');
    const mini = page.getByTestId('mini-player');
    for (const title of long.slice(0, 2)) {
      await page.getByRole('searchbox').fill(title);
      await expect(page.getByTestId('track-title').first()).toHaveText(title);
      await page.getByTestId('play-track').first().click();
      await expect(page.getByTestId('mini-title')).toHaveText(title);
      await expect(mini).toHaveAttribute('data-playing', 'true');
      await expect.poll(async () => Number(await mini.getAttribute('data-position'))).toBeGreaterThan(0.3);
    }
    await page.getByTestId('mini-toggle').click();
    expect(seen).toEqual([]);
    await expectNoReportedViolations(mark);
  });

  test('producer: upload with tags read and BPM estimated in the worker, my tracks, a track, stats', async ({ page, context }) => {
    test.setTimeout(120_000);
    const seen = await watchViolations(context);
    const mark = consoleLogMark();
    await signInThroughApi(page.request, 'producer@spynners.local', E2E.demoPassword);
    await visit(page, seen, '/upload', (p) => expect(p.getByRole('heading', { name: 'Upload tracks' })).toBeVisible());
    const untimed = await mp3('no-bpm-tag.mp3', 124, 12, id3({ TIT2: 'Groove Without Tempo', TPE1: 'Tag Artist', TCON: 'Tech House' }));
    await dropFiles(page, [untimed, wav('loop.wav', 126, 8)]);
    const card = page.locator('[data-testid="upload-card"][data-file="no-bpm-tag.mp3"]');
    await expect(card.getByLabel('Title', { exact: true })).toHaveValue('Groove Without Tempo');
    await expect(card.getByText('Estimated from the audio: check it')).toBeVisible({ timeout: 30_000 });
    expect(seen).toEqual([]);

    const mine = items<{ id: string }>(await (await page.request.get('/api/my-tracks')).json());
    expect(mine.length).toBeGreaterThan(0);
    for (const path of ['/my-tracks', `/my-tracks/${mine[0]!.id}/stats`, '/stats']) await visit(page, seen, path);
    await expectNoReportedViolations(mark);
  });

  test('admin: review queue and members', async ({ page, context }) => {
    const seen = await watchViolations(context);
    const mark = consoleLogMark();
    await signInThroughApi(page.request, 'admin@spynners.local', E2E.demoPassword);
    for (const path of ['/admin/review', '/admin/users']) await visit(page, seen, path);
    await expectNoReportedViolations(mark);
  });

  test('offline: every tab (warmed by the worker) and the precached offline page load with their own policy, nonce and header agreeing', async ({ page, context }) => {
    test.setTimeout(180_000);
    const seen = await watchViolations(context);
    await signInThroughUi(page, E2E.demoDj, E2E.demoPassword);
    await controlledPage(page, '/library');
    await catalogueSaved(page);
    // Only /library was opened: the other tabs are the copies the worker warmed itself (install and
    // WARM_PAGES), so what is checked offline is what it fetched and kept.
    const tabs = ['/library', '/console', '/playlists', '/vip', '/downloads', '/sessions', '/profile'];
    await expect
      .poll(() => page.evaluate(async (paths) => {
        const names = (await caches.keys()).filter((name) => name.startsWith('spynners-pages-'));
        const kept = new Set<string>();
        for (const name of names) for (const request of await (await caches.open(name)).keys()) kept.add(new URL(request.url).pathname);
        return paths.filter((path) => !kept.has(path));
      }, tabs), { timeout: 30_000 })
      .toEqual([]);

    await context.setOffline(true);
    for (const path of [...tabs, '/tracks/never-visited']) {
      const response = await page.goto(path);
      expect(response?.fromServiceWorker(), path).toBe(true);
      const policy = response!.headers()['content-security-policy'];
      // The copy (or the precached offline page) keeps the header it was answered with.
      expectScriptsCarry(await response!.text(), policyNonce(policy));
      if (path.startsWith('/tracks/')) await expect(page.locator('[data-offline-page]')).toBeVisible();
      // Scripts ran (the data each tab shows offline is the query cache's business, not this test's).
      await hydrated(page);
      expect(seen, `CSP violations offline on ${path}`).toEqual([]);
    }
    await context.setOffline(false);
  });
});

async function aPlaylistOf(request: APIRequestContext): Promise<string> {
  const existing = items<{ id: string }>(await (await request.get('/api/playlists')).json());
  if (existing[0]) return existing[0].id;
  const created = await request.post('/api/playlists', {
    headers: { Origin: E2E.consoleUrl, 'Content-Type': 'application/json' },
    data: Buffer.from(JSON.stringify({ name: 'CSP check' })),
  });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

/** Drops files on the upload drop zone as a desktop drag and drop does. */
async function dropFiles(page: Page, files: Fixture[]): Promise<void> {
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const file of list) {
      const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], file.name, { type: file.mimeType }));
    }
    return transfer;
  }, files.map((f) => ({ name: f.name, mimeType: f.mimeType, base64: f.buffer.toString('base64') })));
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer });
}
