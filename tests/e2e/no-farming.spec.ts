// Issue #16, finding 4: Black Diamonds and plays cannot be farmed. Through the built console (:3100)
// against the standalone embedded backend: the same set under other Idempotency-Keys is refused
// 409 overlapping_set naming the first set, the diamond balance does not move; a set in 2099 is
// refused; a producer's own track earns nothing and cannot be rated; and the Sets screen shows a
// refused overlapping set with its reason, Send again and Discard.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { signInThroughApi, signUpThroughApi, uniqueEmail } from './support/auth';
import { E2E } from './support/servers';
import { addTrackThroughUi, endSetThroughUi, idbRows, myId, pendingCount, serverSetsOf, startSetThroughUi } from './support/sessions';

/** A same-origin JSON call, as the console's pages make it. */
function send(request: APIRequestContext, method: string, url: string, body: unknown, headers: Record<string, string> = {}) {
  return request.fetch(url, {
    method,
    headers: { Origin: E2E.consoleUrl, 'Content-Type': 'application/json', ...headers },
    data: Buffer.from(JSON.stringify(body)),
  });
}

const postSet = (request: APIRequestContext, body: unknown, key = crypto.randomUUID()) => send(request, 'POST', '/api/sessions', body, { 'Idempotency-Key': key });
const me = async (request: APIRequestContext) => (await (await request.get('/api/me')).json()) as { id: string; blackDiamonds: number };
const iso = (time: number) => new Date(time).toISOString();

interface ApiTrack { id: string; title: string; producerId: string | null; isVip: boolean }
const catalogue = async (request: APIRequestContext) => ((await (await request.get('/api/catalogue')).json()) as { tracks: ApiTrack[] }).tracks;

async function ready(page: Page): Promise<void> {
  await expect(page.locator('[data-app-ready="true"]').first()).toBeVisible({ timeout: 20_000 });
}

test('the same set under 5 Idempotency-Keys: one set, one diamond; the others 409 overlapping_set with its id', async ({ request }) => {
  await signInThroughApi(request, E2E.demoDj, E2E.demoPassword);
  const dj = await me(request);
  const played = (await catalogue(request)).find((t) => t.producerId && t.producerId !== dj.id && !t.isVip)!;
  // Three days ago (no other spec records a set of the demo DJ then), one second long: a rerun is another set.
  const start = Date.now() - 3 * 86_400_000;
  const set = {
    djId: dj.id, venue: 'Farm Club', city: 'Lyon', country: 'France', startedAt: iso(start), endedAt: iso(start + 60_000),
    tracks: [{ trackId: played.id, playedAt: iso(start + 30_000) }],
  };
  const first = await postSet(request, set);
  expect(first.status()).toBe(201);
  const recorded = (await first.json()) as { set: { id: string }; blackDiamondsAwarded: number };
  expect(recorded.blackDiamondsAwarded).toBe(1);
  const after = (await me(request)).blackDiamonds;
  expect(after).toBe(dj.blackDiamonds + 1);

  for (let i = 0; i < 4; i++) {
    const again = await postSet(request, set);
    expect(again.status()).toBe(409);
    const body = (await again.json()) as { error: { code: string; message: string; details: { otherSetId: string } } };
    expect(body.error).toMatchObject({ code: 'overlapping_set', details: { otherSetId: recorded.set.id, otherSetVenue: 'Farm Club' } });
    expect(body.error.message).toMatch(/^This set overlaps the set you recorded at Farm Club on /);
  }
  // A set ending in 2099 is refused too.
  const future = await postSet(request, { ...set, startedAt: '2099-01-01T22:00:00.000Z', endedAt: '2099-01-02T01:00:00.000Z', tracks: [] });
  expect(future.status()).toBe(400);
  expect(((await future.json()) as { error: { message: string } }).error.message).toMatch(/ends in the future/);

  expect((await me(request)).blackDiamonds).toBe(after);
  const sets = (await serverSetsOf(dj.id)).filter((s) => s.venue === 'Farm Club' && s.started_at === set.startedAt);
  expect(sets.map((s) => s.id)).toEqual([recorded.set.id]);
});

test('a producer earns nothing playing their own track, and cannot rate it (403; the track page offers no stars)', async ({ page }) => {
  await signInThroughApi(page.request, 'producer@spynners.local', E2E.demoPassword);
  const producer = await me(page.request);
  const own = (await catalogue(page.request)).find((t) => t.producerId === producer.id && !t.isVip)!;
  expect(own).toBeDefined();
  const start = Date.now() - 2 * 86_400_000 - Math.floor(Math.random() * 3_600_000);
  const recorded = await postSet(page.request, {
    djId: producer.id, venue: 'Mirror Club', city: '', country: '', startedAt: iso(start), endedAt: iso(start + 60_000),
    tracks: [{ trackId: own.id, playedAt: iso(start + 30_000) }],
  });
  expect(recorded.status()).toBe(201);
  expect(await recorded.json()).toMatchObject({ blackDiamondsAwarded: 0, tracks: [{ trackId: own.id, credited: false }] });
  expect((await me(page.request)).blackDiamonds).toBe(producer.blackDiamonds);

  const rated = await send(page.request, 'PUT', `/api/tracks/${own.id}/rating`, { stars: 5 });
  expect(rated.status()).toBe(403);
  expect(((await rated.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/cannot rate your own track/) });

  await page.goto(`/tracks/${own.id}`);
  await ready(page);
  await expect(page.getByTestId('rating-own-track')).toBeVisible();
  await expect(page.getByRole('radio')).toHaveCount(0);
});

test('Sets screen: a set overlapping one already recorded is shown refused, with the reason, Send again and Discard', async ({ page, context }) => {
  test.setTimeout(90_000);
  const email = uniqueEmail('overlap');
  await signUpThroughApi(context.request, email);
  await signInThroughApi(context.request, email, 'correct-horse-42');
  await page.goto('/sessions');
  await ready(page);
  const djId = await myId(page);

  await startSetThroughUi(page, { venue: 'Club Orbit', city: 'Lyon', country: 'France' });
  await addTrackThroughUi(page, (await catalogue(page.request)).find((t) => !t.isVip)!.title);
  // Meanwhile the same DJ's set at Fabric, from an hour ago until now, reaches the server first.
  const fabricStart = Date.now() - 3_600_000;
  await page.waitForTimeout(50);
  const fabric = await postSet(context.request, { djId, venue: 'Fabric', city: 'London', country: '', startedAt: iso(fabricStart), endedAt: iso(Date.now()), tracks: [] });
  expect(fabric.status()).toBe(201);
  const fabricId = ((await fabric.json()) as { set: { id: string } }).set.id;
  await endSetThroughUi(page);

  const row = page.getByTestId('set-row').first();
  await expect(row).toHaveAttribute('data-status', 'failed');
  await expect(row.getByTestId('set-status')).toHaveText('Refused');
  const day = await page.evaluate((at) => new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(at)), fabricStart);
  await expect(row.getByTestId('set-why')).toHaveText(`This set overlaps the set you recorded at Fabric on ${day}.`);
  await expect(row.getByRole('button', { name: 'Send again' })).toBeVisible();
  await expect(row.getByRole('button', { name: 'Discard' })).toBeVisible();
  await expect(pendingCount(page)).toHaveText('1');
  const [entry] = await idbRows<{ state: string; lastStatus: number; attempts: number }>(page, 'outbox');
  expect(entry).toMatchObject({ state: 'failed', lastStatus: 409 });

  // Not retried by itself: triggers (back to visible, Sync now, the timer) leave it refused.
  await page.getByTestId('sync-now').click();
  await page.waitForTimeout(1_500);
  await expect(row).toHaveAttribute('data-status', 'failed');
  expect((await serverSetsOf(djId)).map((s) => s.id)).toEqual([fabricId]);

  await row.getByRole('button', { name: 'Discard' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByTestId('set-row')).toHaveCount(0);
  await expect(pendingCount(page)).toHaveText('0');
});

test('one Black Diamond a day: a second set the same UTC day is recorded without one, and the Sets screen says why', async ({ page, context }) => {
  test.setTimeout(90_000);
  const email = uniqueEmail('daily');
  await signUpThroughApi(context.request, email);
  await signInThroughApi(context.request, email, 'correct-horse-42');
  const dj = await me(context.request);
  const [first, second] = (await catalogue(context.request)).filter((t) => t.producerId && t.producerId !== dj.id && !t.isVip);
  // Two one-minute sets four days ago, each with another producer's track: one diamond, the repeat uncredited.
  const day = Date.now() - 4 * 86_400_000;
  const oneMinute = (start: number, trackId: string) => ({
    djId: dj.id, venue: 'Farm Club', city: 'Lyon', country: 'France', startedAt: iso(start), endedAt: iso(start + 60_000),
    tracks: [{ trackId, playedAt: iso(start + 30_000) }],
  });
  const dayStart = day - (day % 86_400_000);
  const answers = [];
  for (const offset of [3_600_000, 7_200_000]) answers.push(await postSet(context.request, oneMinute(dayStart + offset, first!.id)));
  expect(answers.map((a) => a.status())).toEqual([201, 201]);
  const [won, withheld] = (await Promise.all(answers.map((a) => a.json()))) as Array<{ blackDiamondsAwarded: number; diamondWithheldReason: string | null; tracks: Array<{ credited: boolean; uncreditedReason: string | null }> }>;
  expect(won).toMatchObject({ blackDiamondsAwarded: 1, diamondWithheldReason: null, tracks: [{ credited: true }] });
  expect(withheld).toMatchObject({ blackDiamondsAwarded: 0, diamondWithheldReason: 'daily_limit', tracks: [{ credited: false, uncreditedReason: 'repeat' }] });
  expect((await me(context.request)).blackDiamonds).toBe(dj.blackDiamonds + 1);

  // Today: a set reaches the server first, then the DJ ends one through the console.
  const now = Date.now();
  const today = now - (now % 86_400_000);
  const early = await postSet(context.request, { ...oneMinute(today, second!.id), endedAt: iso(today + Math.min(60_000, Math.floor((now - today) / 2))), tracks: [{ trackId: second!.id, playedAt: iso(today) }] });
  expect(early.status()).toBe(201);
  await page.goto('/sessions');
  await ready(page);
  await startSetThroughUi(page, { venue: 'Club Orbit', city: 'Lyon', country: 'France' });
  await page.getByTestId('add-track').click();
  await page.getByLabel('Find a track to add').fill(first!.title);
  await page.getByRole('button', { name: `Add ${first!.title}` }).first().click();
  await expect(page.getByTestId('set-entry')).toHaveCount(1);
  await endSetThroughUi(page);
  const row = page.getByTestId('set-row').first();
  await expect(row).toHaveAttribute('data-status', 'synced', { timeout: 10_000 });
  await expect(row.getByTestId('set-why')).toContainText('no Black Diamond: one a day');
  expect((await me(context.request)).blackDiamonds).toBe(dj.blackDiamonds + 2);
});
