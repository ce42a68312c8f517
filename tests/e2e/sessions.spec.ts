// DJ sets offline (issue #7), in Chromium on the production build: a set played with no network is
// kept on the device (through a reload, and through closing the browser), then delivered once,
// within 5 s of the network coming back; the producers are told and the DJ earns one diamond, once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { downloadThroughTrackPage } from './support/downloads';
import { catalogueSaved } from './support/offline';
import { signInThroughApi, signUpThroughApi, uniqueEmail } from './support/auth';
import { E2E } from './support/servers';
import { startTcpForwarder } from './support/tcp-forwarder';
import {
  diamondsOf, endSetThroughUi, idbRows, myId, pendingCount, playedNotificationsBy, serverPlaysOf, serverSetsOf, startSetThroughUi,
} from './support/sessions';

const PASSWORD = 'correct-horse-42';

async function ready(page: Page): Promise<void> {
  await expect(page.locator('[data-app-ready="true"]').first()).toBeVisible({ timeout: 20_000 });
}

/** First load activates the worker; after a reload it controls the page. */
async function controlled(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await ready(page);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  await ready(page);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

/** The first library tracks with audio, downloaded through their track pages (the product's downloads). */
async function downloadTracks(page: Page, count: number): Promise<Array<{ id: string; title: string; producerId: string }>> {
  const picked = await page.evaluate(async (count) => {
    const res = await fetch('/api/tracks?pageSize=12', { headers: { accept: 'application/json' } });
    const body = (await res.json()) as { items: Array<{ id: string; title: string; audioUrl: string | null; producerId: string; isVip: boolean }> };
    return body.items.filter((t) => t.audioUrl && !t.isVip).slice(0, count).map(({ id, title, producerId }) => ({ id, title, producerId }));
  }, count);
  for (const track of picked) await downloadThroughTrackPage(page, track.id);
  return picked;
}

async function playOnAir(page: Page, title: string, expectedPlays: number): Promise<void> {
  await page.getByRole('button', { name: `Play ${title}`, exact: true }).first().click();
  const mini = page.getByTestId('mini-player');
  await expect(mini).toHaveAttribute('data-playing', 'true');
  await page.clock.fastForward(31_000);
  await expect.poll(async () => (await idbRows(page, 'onAirPlays')).length, { timeout: 10_000 }).toBe(expectedPlays);
}

async function expectDeliveredOnce(djId: string, tracks: Array<{ id: string; producerId: string }>, diamondsBefore: number) {
  const sets = await serverSetsOf(djId);
  expect(sets).toHaveLength(1);
  expect(sets[0]).toMatchObject({ venue: 'Club Orbit', city: 'Lyon', country: 'France', tracks_count: tracks.length, diamond_awarded: true });
  const plays = await serverPlaysOf(djId);
  expect(plays.map((p) => p.track_id).sort()).toEqual(tracks.map((t) => t.id).sort());
  for (const play of plays) {
    expect(play).toMatchObject({ session_mix_id: sets[0]!.id, venue: 'Club Orbit', city: 'Lyon', country: 'France' });
    expect(play.producer_id).toBe(tracks.find((t) => t.id === play.track_id)!.producerId);
    expect(Date.parse(String(play.played_at))).toBeGreaterThanOrEqual(Date.parse(String(sets[0]!.started_at)));
  }
  const told = await playedNotificationsBy(djId);
  expect(told.map((n) => `${n.user_id}:${n.track_id}`).sort()).toEqual(tracks.map((t) => `${t.producerId}:${t.id}`).sort());
  expect(await diamondsOf(djId)).toBe(diamondsBefore + 1);
}

test('offline: a set played on air survives a reload and is delivered once within 5 s of coming back', async ({ page, context }) => {
  test.setTimeout(120_000);
  const email = uniqueEmail('set');
  await signUpThroughApi(context.request, email);
  await signInThroughApi(context.request, email, PASSWORD);
  await page.clock.install();
  await controlled(page, '/sessions');
  const djId = await myId(page);
  const diamondsBefore = await diamondsOf(djId);
  await page.goto('/library');
  await ready(page);
  const tracks = await downloadTracks(page, 2);
  expect(tracks).toHaveLength(2);
  await page.goto('/library');
  await ready(page);
  await catalogueSaved(page);

  await context.setOffline(true);
  await page.goto('/sessions');
  await ready(page);
  await startSetThroughUi(page, { venue: 'Club Orbit', city: 'Lyon', country: 'France' });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
  await ready(page);
  await playOnAir(page, tracks[0]!.title, 1);
  await playOnAir(page, tracks[1]!.title, 2);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sets' }).click();
  await expect(page.getByTestId('set-entry')).toHaveCount(2);
  await expect(page.getByTestId('set-entry').first()).toContainText(tracks[0]!.title);
  await endSetThroughUi(page);
  const row = page.getByTestId('set-row').first();
  await expect(row).toHaveAttribute('data-status', 'pending');
  await expect(pendingCount(page)).toHaveText('1');

  // A reload with no network: the set is still there, still pending, nothing reached the server.
  // The header reads the outbox after start-up: until then it shows no number, never a false "0".
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.defineProperty(window, '__pendingCountsSeen', { value: seen });
    const note = () => {
      const text = document.querySelector('[data-testid="outbox-pending-count"]')?.textContent;
      if (text != null && seen[seen.length - 1] !== text) seen.push(text);
    };
    new MutationObserver(note).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.reload();
  await ready(page);
  await expect(page.getByTestId('set-row').first()).toHaveAttribute('data-status', 'pending');
  await expect(pendingCount(page)).toHaveText('1');
  const countsSeen = (await page.evaluate('window.__pendingCountsSeen')) as string[];
  expect(countsSeen[countsSeen.length - 1]).toBe('1');
  expect(countsSeen).not.toContain('0');
  expect(await serverSetsOf(djId)).toHaveLength(0);

  // Back online: delivered within 5 s, once.
  await context.setOffline(false);
  await expect(page.getByTestId('set-row').first()).toHaveAttribute('data-status', 'synced', { timeout: 5_000 });
  await expect(pendingCount(page)).toHaveText('0');
  await expectDeliveredOnce(djId, tracks, diamondsBefore);
  expect(await idbRows(page, 'outbox')).toEqual([]);
  // Page and worker (Background Sync) may both have flushed: still once, a moment later too.
  await page.waitForTimeout(1500);
  expect(await serverSetsOf(djId)).toHaveLength(1);
  expect(await playedNotificationsBy(djId)).toHaveLength(2);
});

test('a set ended offline survives closing the browser; reopened, it is delivered once within 5 s online', async ({}, testInfo) => {
  test.setTimeout(120_000);
  const profile = mkdtempSync(path.join(tmpdir(), 'spynners-sets-'));
  // The console behind a forwarder: "offline" is then true for the whole browser from its first
  // instant, its service worker included (a pending Background Sync wakes it as the browser starts).
  const server = await startTcpForwarder(E2E.consolePort + 97, E2E.consolePort);
  const launch = () =>
    chromium.launchPersistentContext(profile, { ...testInfo.project.use.launchOptions, baseURL: server.url, serviceWorkers: 'allow' });
  const offline = async (context: BrowserContext, value: boolean) => {
    server.setReachable(!value);
    await context.setOffline(value);
  };
  try {
    let context = await launch();
    let page = context.pages()[0] ?? (await context.newPage());
    const email = uniqueEmail('set-close');
    await signUpThroughApi(context.request, email);
    await signInThroughApi(context.request, email, PASSWORD);
    await controlled(page, '/library');
    const djId = await myId(page);
    const diamondsBefore = await diamondsOf(djId);
    const tracks = await page.evaluate(async () => {
      const body = (await (await fetch('/api/tracks?pageSize=4')).json()) as { items: Array<{ id: string; title: string; producerId: string }> };
      return body.items.slice(0, 2).map(({ id, title, producerId }) => ({ id, title, producerId }));
    });
    await catalogueSaved(page);
    await page.goto('/sessions');
    await ready(page);

    await offline(context, true);
    await page.reload();
    await ready(page);
    await startSetThroughUi(page, { venue: 'Club Orbit', city: 'Lyon', country: 'France' });
    for (const track of tracks) {
      await page.getByTestId('add-track').click();
      await page.getByLabel('Find a track to add').fill(track.title);
      await page.getByRole('button', { name: `Add ${track.title}` }).first().click();
    }
    await expect(page.getByTestId('set-entry')).toHaveCount(2);
    await endSetThroughUi(page);
    await expect(page.getByTestId('set-row').first()).toHaveAttribute('data-status', 'pending');
    await context.close();

    // Reopened with the server still unreachable: the set waits on the device.
    context = await launch();
    await context.setOffline(true);
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/sessions');
    await ready(page);
    await expect(page.getByTestId('set-row').first()).toHaveAttribute('data-status', 'pending');
    await expect(pendingCount(page)).toHaveText('1');
    expect(await serverSetsOf(djId)).toHaveLength(0);

    await offline(context, false);
    await expect(page.getByTestId('set-row').first()).toHaveAttribute('data-status', 'synced', { timeout: 5_000 });
    await expect(pendingCount(page)).toHaveText('0');
    await expectDeliveredOnce(djId, tracks, diamondsBefore);
    await page.waitForTimeout(1500);
    expect(await serverSetsOf(djId)).toHaveLength(1);
    await context.close();
  } finally {
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('a set in which nothing was played is discarded, not sent: no row, nothing pending, nothing on the server', async ({ page, context }) => {
  await signUpThroughApi(context.request, uniqueEmail('empty-set'));
  await page.goto('/sessions');
  await ready(page);
  const djId = await myId(page);
  await startSetThroughUi(page, { venue: 'Empty Room', city: 'Lyon' });
  await expect(page.getByTestId('set-empty')).toBeVisible();
  await expect(page.getByTestId('end-set')).toHaveCount(0);
  await page.getByTestId('discard-set').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('nothing to send');
  await dialog.getByRole('button', { name: 'Discard set' }).click();
  await expect(page.getByTestId('start-set')).toBeVisible();
  await expect(page.getByTestId('set-row')).toHaveCount(0);
  await expect(pendingCount(page)).toHaveText('0');
  expect(await idbRows(page, 'djSets')).toEqual([]);
  expect(await idbRows(page, 'outbox')).toEqual([]);
  expect(await serverSetsOf(djId)).toEqual([]);
});
