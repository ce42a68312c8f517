// The DJ console (issue #6): two decks through Web Audio gain nodes, an equal-power crossfader,
// hot cues kept per DJ, tempo, the waveform overview, and the VIP preview rule on a deck.
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { VipOverview } from '@/lib/domain/types';
import { signInThroughUi } from './support/auth';
import { E2E } from './support/servers';

const num = async (locator: Locator, attribute: string) => Number(await locator.getAttribute(attribute));

async function openDecks(page: Page): Promise<void> {
  await signInThroughUi(page, E2E.demoDj, E2E.demoPassword);
  await page.getByRole('link', { name: 'Decks' }).first().click();
  await expect(page).toHaveURL(/\/console$/);
  await expect(page.locator('[data-decks][data-app-ready="true"]')).toBeVisible();
  await expect(page.getByTestId('deck-track').first()).toBeVisible();
}

test('two decks play at once; the crossfader sets their gain nodes on an equal-power curve', async ({ page }) => {
  await openDecks(page);
  const deckA = page.getByTestId('deck-A');
  const deckB = page.getByTestId('deck-B');
  await page.getByTestId('load-A').nth(0).click();
  await page.getByTestId('load-B').nth(1).click();
  await expect(deckA).not.toHaveAttribute('data-track-id', '');
  await expect(deckB).not.toHaveAttribute('data-track-id', '');
  await expect(deckA).toHaveAttribute('data-status', 'ready');
  // The overview is computed once (streamed, piece by piece) and drawn.
  await expect(page.getByTestId('waveform-A')).toHaveAttribute('data-status', 'ready', { timeout: 20_000 });

  await page.getByTestId('deck-A-play').click();
  await page.getByTestId('deck-B-play').click();
  await expect(deckA).toHaveAttribute('data-playing', 'true');
  await expect(deckB).toHaveAttribute('data-playing', 'true');
  const startA = await num(deckA, 'data-position');
  const startB = await num(deckB, 'data-position');
  await expect.poll(() => num(deckA, 'data-position')).toBeGreaterThan(startA + 0.8);
  await expect.poll(() => num(deckB, 'data-position')).toBeGreaterThan(startB + 0.8);

  const crossfader = page.getByTestId('crossfader');
  for (const x of [0, 0.25, 0.5, 0.75, 1]) {
    await crossfader.fill(String(x));
    await expect(page.getByTestId('mixer')).toHaveAttribute('data-crossfader', x.toFixed(3));
    // data-node-gain is read back from each deck's Web Audio GainNode.
    const a = await num(deckA, 'data-node-gain');
    const b = await num(deckB, 'data-node-gain');
    expect(a).toBeCloseTo(Math.cos((x * Math.PI) / 2), 3);
    expect(b).toBeCloseTo(Math.sin((x * Math.PI) / 2), 3);
    expect(a * a + b * b).toBeCloseTo(1, 3);
  }
  // The channel fader multiplies the deck's share.
  await crossfader.fill('0.5');
  await page.getByTestId('deck-B-gain').fill('0.5');
  await expect.poll(() => num(deckB, 'data-node-gain')).toBeCloseTo(0.5 * Math.SQRT1_2, 3);
  expect(await num(deckA, 'data-node-gain')).toBeCloseTo(Math.SQRT1_2, 3);
  // Still both advancing after the moves.
  const midA = await num(deckA, 'data-position');
  const midB = await num(deckB, 'data-position');
  await expect.poll(() => num(deckA, 'data-position')).toBeGreaterThan(midA + 0.5);
  await expect.poll(() => num(deckB, 'data-position')).toBeGreaterThan(midB + 0.5);
  // Media elements are never in the document; nothing plays through their volume.
  expect(await page.locator('audio').count()).toBe(0);
  // The mini player shows both decks on every screen.
  await expect(page.getByTestId('mini-deck-A')).toHaveAttribute('data-playing', 'true');
});

test('the waveform is computed once in a Web Worker, drawn, and read back from the device afterwards', async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await openDecks(page);
  const row = page.getByTestId('deck-track').nth(0);
  const trackId = await row.getAttribute('data-track-id');
  await row.getByTestId('load-A').click();
  const waveform = page.getByTestId('waveform-A');
  await expect(waveform).toHaveAttribute('data-status', 'ready', { timeout: 20_000 });
  await expect(waveform).toHaveAttribute('data-source', 'worker');
  expect(workers.some((url) => url.includes('/_next/static/'))).toBe(true);
  // Bars were drawn: the canvas has ink in its middle row.
  const inked = await waveform.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
    const ctx = canvas.getContext('2d')!;
    const row = ctx.getImageData(0, Math.floor(canvas.height / 2), canvas.width, 1).data;
    let count = 0;
    for (let i = 3; i < row.length; i += 4) if (row[i]! > 0) count += 1;
    return count / canvas.width;
  });
  expect(inked).toBeGreaterThan(0.5);
  const stored = await page.evaluate(async (id) => {
    const open = indexedDB.open('spynners-console');
    const db = await new Promise<IDBDatabase>((resolve, reject) => { open.onsuccess = () => resolve(open.result); open.onerror = reject; });
    const get = db.transaction('waveforms').objectStore('waveforms').get(id!);
    const row = await new Promise<{ peaks: number[]; durationSeconds: number } | undefined>((resolve) => { get.onsuccess = () => resolve(get.result); });
    db.close();
    return row && { buckets: row.peaks.length, max: Math.max(...row.peaks), durationSeconds: row.durationSeconds };
  }, trackId);
  expect(stored).toMatchObject({ buckets: 600, max: 1 });
  expect(stored!.durationSeconds).toBeGreaterThan(20);

  // Next time on this device: from IndexedDB, no second computation.
  await page.reload();
  await expect(page.locator('[data-decks][data-app-ready="true"]')).toBeVisible();
  workers.length = 0;
  await page.locator(`[data-testid="deck-track"][data-track-id="${trackId}"]`).getByTestId('load-B').click();
  await expect(page.getByTestId('waveform-B')).toHaveAttribute('data-source', 'stored');
  expect(workers).toEqual([]);
});

test('cue, hot cues kept per DJ, tempo, and the waveform seeks', async ({ page }) => {
  await openDecks(page);
  const deck = page.getByTestId('deck-A');
  await page.getByTestId('load-A').nth(2).click();
  await expect(deck).toHaveAttribute('data-status', 'ready');
  const trackId = await deck.getAttribute('data-track-id');

  // Click at 50 % of the overview: the deck moves to half the track.
  const waveform = page.getByTestId('waveform-A');
  // Loading from the list scrolled down to it (in landscape the decks fill the first screen).
  await waveform.scrollIntoViewIfNeeded();
  const box = (await waveform.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect.poll(() => num(deck, 'data-position')).toBeGreaterThan(5);
  const half = await num(deck, 'data-position');
  // The playhead stands where the DJ clicked.
  const playhead = page.getByTestId('playhead-A');
  const headX = async () => (await playhead.locator('span').boundingBox())!.x;
  await expect.poll(async () => Math.abs((await headX()) - (box.x + box.width / 2))).toBeLessThan(box.width * 0.03);

  // Paused CUE sets the cue point here; a hot cue pad stores the position.
  await page.getByTestId('deck-A-cue').click();
  await expect.poll(() => num(deck, 'data-cue')).toBeCloseTo(half, 1);
  await page.getByTestId('deck-A-play').click();
  await expect(deck).toHaveAttribute('data-playing', 'true');
  await expect.poll(() => num(deck, 'data-position')).toBeGreaterThan(half + 1);
  // While it plays, the playhead is one compositor animation, not restarted at each position tick.
  const running = () => playhead.evaluate((el) => el.getAnimations().filter((a) => a.playState === 'running').map((a) => Number(a.startTime)));
  const started = await running();
  expect(started).toHaveLength(1);
  const x0 = await headX();
  await page.waitForTimeout(1200);
  expect(await running()).toEqual(started);
  expect(await headX()).toBeGreaterThan(x0);
  await page.getByTestId('deck-A-hot-cue-2').click();
  const hot = JSON.parse((await deck.getAttribute('data-hot-cues'))!) as Array<number | null>;
  expect(hot[1]).toBeGreaterThan(half + 1);
  // Playing CUE returns to the cue point and stops.
  await page.getByTestId('deck-A-cue').click();
  await expect(deck).toHaveAttribute('data-playing', 'false');
  await expect.poll(() => num(deck, 'data-position')).toBeCloseTo(half, 0);
  await expect.poll(running).toEqual([]);
  // A set pad jumps.
  await page.getByTestId('deck-A-hot-cue-2').click();
  await expect.poll(() => num(deck, 'data-position')).toBeCloseTo(hot[1]!, 0);

  // Tempo ±8 %, shown with the BPM.
  await page.getByLabel('Tempo, deck A').fill('0.05');
  await expect(deck).toHaveAttribute('data-tempo', '0.0500');
  await expect(page.getByTestId('deck-A-tempo')).toHaveText('+5.0 %');
  await page.getByLabel('Tempo, deck A').fill('0.3');
  await expect(deck).toHaveAttribute('data-tempo', '0.0800');

  // After a reload (a fresh engine), deck A comes back (the saved session, decks-restore.spec.ts) and
  // loading the track on the other, empty deck brings the DJ's cues back from IndexedDB.
  await page.reload();
  await expect(page.locator('[data-decks][data-app-ready="true"]')).toBeVisible();
  await expect(deck).toHaveAttribute('data-track-id', trackId!);
  await expect(page.getByTestId('deck-B')).toHaveAttribute('data-track-id', '');
  await page.getByTestId('load-B').nth(2).click();
  const deckB = page.getByTestId('deck-B');
  await expect(deckB).toHaveAttribute('data-track-id', trackId!);
  await expect.poll(() => num(deckB, 'data-cue')).toBeCloseTo(half, 1);
  expect(JSON.parse((await deckB.getAttribute('data-hot-cues'))!)[1]).toBeCloseTo(hot[1]!, 2);
  await expect.poll(() => num(deckB, 'data-position')).toBeCloseTo(half, 0);
});

test('a locked VIP track on a deck plays only its preview window', async ({ page }) => {
  await openDecks(page);
  const vip = (await (await page.request.get('/api/vip')).json()) as VipOverview;
  const locked = vip.tracks.find((t) => !vip.unlockedTrackIds.includes(t.id) && t.audioUrl && t.vipPreview);
  expect(locked).toBeTruthy();
  // A locked track plays its preview clip (the server refuses its full audio): the clip's time runs
  // from 0 to the window's length.
  const startSeconds = 0;
  const endSeconds = locked!.vipPreview!.endSeconds - locked!.vipPreview!.startSeconds;
  await page.getByLabel('Search tracks to load').fill(locked!.title);
  await page.getByRole('button', { name: `Load ${locked!.title} on deck A` }).click();
  const deck = page.getByTestId('deck-A');
  await expect(deck).toHaveAttribute('data-track-id', locked!.id);
  await expect.poll(() => num(deck, 'data-position')).toBeCloseTo(startSeconds, 0);
  // A click near the end of the overview lands back inside the window.
  await page.getByTestId('waveform-A').scrollIntoViewIfNeeded();
  const box = (await page.getByTestId('waveform-A').boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.98, box.y + box.height / 2);
  await page.waitForTimeout(300);
  const position = await num(deck, 'data-position');
  expect(position).toBeGreaterThanOrEqual(startSeconds - 0.3);
  expect(position).toBeLessThan(endSeconds);
});

test('desktop keys: D / L play the decks, arrows move the crossfader and the tempo, 7 sets the first hot cue of deck B, Space pauses the last deck used', async ({ page }) => {
  await openDecks(page);
  const deckA = page.getByTestId('deck-A');
  const deckB = page.getByTestId('deck-B');
  await page.getByTestId('load-A').nth(0).click();
  await page.getByTestId('load-B').nth(1).click();
  await expect(deckB).toHaveAttribute('data-status', 'ready');
  await page.locator('h2#deck-browser-title').click();
  await page.keyboard.press('d');
  await expect(deckA).toHaveAttribute('data-playing', 'true');
  await page.keyboard.press('l');
  await expect(deckB).toHaveAttribute('data-playing', 'true');
  const decksConsole = page.locator('[data-active-deck]');
  await expect(decksConsole).toHaveAttribute('data-active-deck', 'B');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('mixer')).toHaveAttribute('data-crossfader', '0.450');
  await page.keyboard.press('ArrowUp');
  await expect(deckB).toHaveAttribute('data-tempo', '0.0010');
  await page.keyboard.press('Digit7');
  await expect.poll(async () => JSON.parse((await deckB.getAttribute('data-hot-cues'))!)[0]).not.toBeNull();
  await page.keyboard.press('Space');
  await expect(deckB).toHaveAttribute('data-playing', 'false');
  await expect(deckA).toHaveAttribute('data-playing', 'true');
  // A tap anywhere on a deck makes it the last deck used.
  await page.getByTestId('deck-A-title').click();
  await expect(decksConsole).toHaveAttribute('data-active-deck', 'A');
  await page.keyboard.press('Space');
  await expect(deckA).toHaveAttribute('data-playing', 'false');
  await expect(deckB).toHaveAttribute('data-playing', 'false');
});

test('one audio focus: a library track in the mini player pauses the decks, and a deck pauses the mini player', async ({ page }) => {
  await openDecks(page);
  await page.getByTestId('load-A').nth(0).click();
  await expect(page.getByTestId('deck-A')).toHaveAttribute('data-status', 'ready');
  await page.getByTestId('deck-A-play').click();
  await expect(page.getByTestId('deck-A')).toHaveAttribute('data-playing', 'true');

  await page.locator('a[href="/library"]').first().click();
  await expect(page).toHaveURL(/\/library/);
  await expect(page.getByTestId('mini-deck-A')).toHaveAttribute('data-playing', 'true');
  await page.getByTestId('play-track').first().click();
  const mini = page.getByTestId('mini-player');
  await expect(mini).toHaveAttribute('data-playing', 'true');
  await expect(page.getByTestId('mini-deck-A')).toHaveAttribute('data-playing', 'false');
  const position = await num(mini, 'data-position');
  await expect.poll(() => num(mini, 'data-position')).toBeGreaterThan(position + 0.5);

  await page.locator('a[href="/console"]').first().click();
  await page.getByTestId('deck-A-play').click();
  await expect(page.getByTestId('deck-A')).toHaveAttribute('data-playing', 'true');
  await expect(mini).toHaveAttribute('data-playing', 'false');
});
