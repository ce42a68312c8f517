// The decks and the mini player survive a reload (issue #18: iPadOS reloads a home-screen app it
// kept in the background): tracks, positions, cues, tempo, key lock, faders, crossfader, the queue
// with shuffle and repeat come back, paused, at the same place; per member, and gone at sign-out.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { signInThroughUi, signUpThroughApi, uniqueEmail } from './support/auth';
import { savedSessions } from './support/player-session';
import { E2E } from './support/servers';

const num = async (locator: Locator, attribute: string) => Number(await locator.getAttribute(attribute));

async function openDecks(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Decks' }).first().click();
  await expect(page).toHaveURL(/\/console$/);
  await expect(page.locator('[data-decks][data-app-ready="true"]')).toBeVisible();
  await expect(page.getByTestId('deck-track').first()).toBeVisible();
}

/** Loads a track on `deck` and waits until it is ready. */
async function load(page: Page, deck: 'A' | 'B', row: number): Promise<string> {
  const tracks = page.getByTestId('deck-track');
  const id = (await tracks.nth(row).getAttribute('data-track-id'))!;
  await tracks.nth(row).getByTestId(`load-${deck}`).click();
  await expect(page.getByTestId(`deck-${deck}`)).toHaveAttribute('data-track-id', id);
  await expect(page.getByTestId(`deck-${deck}`)).toHaveAttribute('data-status', 'ready');
  return id;
}

test('decks and queue come back after a reload, paused, where they were', async ({ page }) => {
  await signInThroughUi(page, E2E.demoDj, E2E.demoPassword);
  // The mini player's queue: a list from the library, shuffled, repeating, stopped at 10 s.
  await page.getByTestId('play-track').nth(2).click();
  const mini = page.getByTestId('mini-player');
  await expect(mini).toHaveAttribute('data-playing', 'true');
  const miniTrack = (await mini.getAttribute('data-track-id'))!;
  const queueLength = await num(mini, 'data-queue-length');
  expect(queueLength).toBeGreaterThan(2);
  await mini.getByRole('button', { name: 'Shuffle' }).click();
  await mini.getByRole('button', { name: 'Repeat: off' }).click();
  await page.getByTestId('mini-toggle').click();
  await expect(mini).toHaveAttribute('data-playing', 'false');
  await page.getByTestId('mini-seek').fill('10');
  await expect(mini).toHaveAttribute('data-position', '10.00');

  await openDecks(page);
  const deckA = page.getByTestId('deck-A');
  const deckB = page.getByTestId('deck-B');
  const trackA = await load(page, 'A', 0);
  const trackB = await load(page, 'B', 1);
  // A: played for a while, paused, a hot cue where it stands, tempo +4 %.
  await page.getByTestId('deck-A-play').click();
  await expect.poll(() => num(deckA, 'data-position'), { timeout: 10_000 }).toBeGreaterThan(2);
  await page.getByTestId('deck-A-play').click();
  await expect(deckA).toHaveAttribute('data-playing', 'false');
  const positionA = await num(deckA, 'data-position');
  await page.getByTestId('deck-A-hot-cue-2').click();
  await expect.poll(async () => JSON.parse((await deckA.getAttribute('data-hot-cues'))!)[1]).toBeCloseTo(positionA, 1);
  const hotCuesA = (await deckA.getAttribute('data-hot-cues'))!;
  await deckA.getByRole('slider', { name: 'Tempo, deck A' }).fill('0.04');
  // B: moved on its waveform, cue point set there, key lock off, gain 70 %.
  const waveB = page.getByTestId('waveform-B');
  await waveB.scrollIntoViewIfNeeded();
  const box = (await waveB.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.5, box.y + box.height / 2);
  await expect.poll(() => num(deckB, 'data-position')).toBeGreaterThan(5);
  const positionB = await num(deckB, 'data-position');
  await page.getByTestId('deck-B-cue').click();
  await expect.poll(async () => num(deckB, 'data-cue')).toBeCloseTo(positionB, 1);
  const cueB = (await deckB.getAttribute('data-cue'))!;
  await deckB.getByRole('button', { name: 'Key lock' }).click();
  await expect(deckB.getByRole('button', { name: 'Key lock' })).toHaveAttribute('aria-pressed', 'false');
  await page.getByTestId('deck-B-gain').fill('0.7');
  await page.getByTestId('crossfader').fill('0.3');
  await expect(page.getByTestId('mixer')).toHaveAttribute('data-crossfader', '0.300');

  // Written once the changes settle (not per tick).
  await expect.poll(async () => (await savedSessions(page))[0]?.session.decks.B.track?.id, { timeout: 5000 }).toBe(trackB);
  await page.waitForTimeout(800);

  await page.reload();
  await expect(page.locator('[data-decks][data-app-ready="true"]')).toBeVisible();
  await expect(deckA).toHaveAttribute('data-track-id', trackA, { timeout: 15_000 });
  await expect(deckB).toHaveAttribute('data-track-id', trackB);
  await expect(deckA).toHaveAttribute('data-status', 'ready');
  await expect(deckB).toHaveAttribute('data-status', 'ready');
  await expect(deckA).toHaveAttribute('data-playing', 'false');
  await expect(deckB).toHaveAttribute('data-playing', 'false');
  expect(await num(deckA, 'data-position')).toBeCloseTo(positionA, 1);
  expect(await num(deckB, 'data-position')).toBeCloseTo(positionB, 1);
  await expect(deckA).toHaveAttribute('data-hot-cues', hotCuesA);
  await expect(deckB).toHaveAttribute('data-cue', cueB);
  await expect(deckA).toHaveAttribute('data-tempo', '0.0400');
  await expect(deckA.getByRole('slider', { name: 'Tempo, deck A' })).toHaveValue('0.04');
  await expect(deckB.getByRole('button', { name: 'Key lock' })).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('deck-B-gain')).toHaveValue('0.7');
  await expect(page.getByTestId('mixer')).toHaveAttribute('data-crossfader', '0.300');
  await expect(page.getByTestId('crossfader')).toHaveValue('0.3');
  await expect(deckB).toHaveAttribute('data-node-gain', (0.7 * Math.sin(0.3 * Math.PI / 2)).toFixed(4));
  // Paused means paused: nothing moves on its own...
  await page.waitForTimeout(1000);
  expect(await num(deckA, 'data-position')).toBeCloseTo(positionA, 1);
  // ...and play goes on from where the deck stood, not from the start.
  await page.getByTestId('deck-A-play').click();
  await expect(deckA).toHaveAttribute('data-playing', 'true');
  await expect.poll(() => num(deckA, 'data-position')).toBeGreaterThan(positionA + 0.5);
  expect(await num(deckA, 'data-position')).toBeLessThan(positionA + 5);
  // The first touch unlocks every media element (howler reloads them): the other deck and the mini
  // player still stand where they were.
  expect(await num(deckB, 'data-position')).toBeCloseTo(positionB, 1);
  await page.getByTestId('deck-A-play').click();

  // The mini player: same track, paused at 10 s, same queue, shuffle on, repeat all.
  await page.getByRole('link', { name: 'Library' }).first().click();
  await expect(page).toHaveURL(/\/library/);
  await expect(mini).toHaveAttribute('data-track-id', miniTrack);
  await expect(mini).toHaveAttribute('data-playing', 'false');
  await expect(mini).toHaveAttribute('data-position', '10.00');
  await expect(mini).toHaveAttribute('data-queue-length', String(queueLength));
  await expect(mini.getByRole('button', { name: 'Shuffle' })).toHaveAttribute('aria-pressed', 'true');
  await expect(mini.getByRole('button', { name: 'Repeat: all' })).toHaveAttribute('data-repeat', 'all');
  await page.getByTestId('mini-toggle').click();
  await expect(mini).toHaveAttribute('data-playing', 'true');
  await expect.poll(() => num(mini, 'data-position')).toBeGreaterThan(10.4);
});

test('signing out forgets the decks; another member on the same iPad never gets them', async ({ page }) => {
  await signInThroughUi(page, E2E.demoDj, E2E.demoPassword);
  await openDecks(page);
  await load(page, 'A', 0);
  await expect.poll(async () => (await savedSessions(page)).length, { timeout: 5000 }).toBe(1);

  // Another member signs in on this device without signing the DJ out (the session ended, say).
  await signUpThroughApi(page.request, uniqueEmail('restore'));
  await page.goto('/console');
  await expect(page.locator('[data-decks][data-app-ready="true"]')).toBeVisible();
  await expect.poll(async () => (await savedSessions(page)).map((row) => row.session.decks.A.track)).toEqual([]);
  await expect(page.getByTestId('deck-A')).toHaveAttribute('data-track-id', '');
  await expect(page.getByTestId('mini-player')).toHaveCount(0);

  // The DJ again, then signing out: nothing saved stays, and signing back in starts empty.
  await page.context().clearCookies();
  await signInThroughUi(page, E2E.demoDj, E2E.demoPassword);
  await openDecks(page);
  await load(page, 'B', 1);
  await expect.poll(async () => (await savedSessions(page)).length, { timeout: 5000 }).toBe(1);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  expect(await savedSessions(page)).toEqual([]);
  await signInThroughUi(page, E2E.demoDj, E2E.demoPassword);
  await openDecks(page);
  await page.waitForTimeout(1500);
  await expect(page.getByTestId('deck-B')).toHaveAttribute('data-track-id', '');
  expect(await savedSessions(page)).toEqual([]);
});
