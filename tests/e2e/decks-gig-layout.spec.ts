// The decks' gig layout (issue #18): an iPad in landscape is a pair of decks. They take the whole
// width and the height under the header, the waveforms grow with the screen, the crossfader is long,
// nothing (mini player, install hint) covers them; hot cues clear through a finger-sized clear mode.
import { expect, test, type Page } from '@playwright/test';
import { signInThroughApi } from './support/auth';
import { E2E } from './support/servers';

const IPAD_SAFARI = 'Mozilla/5.0 (iPad; CPU OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
const box = async (page: Page, testId: string) => (await page.getByTestId(testId).boundingBox())!;

async function openLoadedDecks(page: Page): Promise<void> {
  await signInThroughApi(page.request, E2E.demoDj, E2E.demoPassword);
  await page.goto('/console');
  await expect(page.locator('[data-decks][data-app-ready="true"]')).toBeVisible();
  await page.getByTestId('load-A').nth(0).click();
  await page.getByTestId('load-B').nth(1).click();
  await expect(page.getByTestId('deck-B')).toHaveAttribute('data-status', 'ready');
}

for (const size of [{ width: 1180, height: 820 }, { width: 1366, height: 1024 }]) {
  test.describe(`landscape ${size.width}x${size.height}`, () => {
    // Safari on an iPad: the console offers its install hint (on every screen but the decks here).
    test.use({ viewport: size, hasTouch: true, isMobile: true, userAgent: IPAD_SAFARI });

    test('the decks fill the screen, with tall waveforms, a long crossfader and nothing over them', async ({ page }) => {
      await openLoadedDecks(page);
      // Loading from the list scrolled down to it: the decks are the first screen.
      await page.evaluate(() => window.scrollTo(0, 0));
      const a = await box(page, 'deck-A');
      const b = await box(page, 'deck-B');
      const mixer = await box(page, 'mixer');
      // Whole width (16 px margins), and down to the tab bar (64 px + its border) under a 61 px header.
      expect(a.x).toBeLessThanOrEqual(16);
      expect(b.x + b.width).toBeGreaterThanOrEqual(size.width - 16);
      expect(mixer.y + mixer.height).toBeGreaterThanOrEqual(size.height - 65 - 24);
      expect(mixer.y + mixer.height).toBeLessThanOrEqual(size.height - 65);
      expect((await box(page, 'waveform-A')).height).toBeGreaterThanOrEqual(size.height * 0.3);
      expect((await box(page, 'crossfader')).width).toBeGreaterThanOrEqual(400);
      for (const id of ['xf-A', 'xf-middle', 'xf-B', 'deck-A-hot-cue-1', 'deck-A-clear-cues']) {
        const control = await box(page, id);
        expect(Math.min(control.width, control.height), id).toBeGreaterThanOrEqual(44);
      }
      // The decks are the player here: the mini player's strip and the install hint stay away.
      await expect(page.getByTestId('mini-player')).toBeHidden();
      await expect(page.getByTestId('mini-player-room')).toBeHidden();
      await expect(page.getByTestId('install-hint')).toBeAttached();
      await expect(page.getByTestId('install-hint')).toBeHidden();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(size.width);
      // Elsewhere the mini player is back.
      await page.getByRole('link', { name: 'Library' }).first().click();
      await expect(page.getByTestId('mini-player')).toBeVisible();
      await expect(page.getByTestId('install-hint')).toBeVisible();
    });
  });
}

test.describe('portrait 820x1180', () => {
  test.use({ viewport: { width: 820, height: 1180 }, hasTouch: true, isMobile: true });

  test('the mixer is one row under the decks with a long crossfader; hot cues clear in clear mode', async ({ page }) => {
    await openLoadedDecks(page);
    expect((await box(page, 'crossfader')).width).toBeGreaterThanOrEqual(400);
    expect((await box(page, 'waveform-A')).height).toBeGreaterThanOrEqual(120);
    const deck = page.getByTestId('deck-A');
    const clear = page.getByTestId('deck-A-clear-cues');
    await expect(clear).toBeDisabled();
    await page.getByTestId('deck-A-hot-cue-1').click();
    await page.getByTestId('waveform-A').click({ position: { x: 100, y: 20 } });
    await page.getByTestId('deck-A-hot-cue-3').click();
    await expect.poll(async () => JSON.parse((await deck.getAttribute('data-hot-cues'))!).filter((cue: number | null) => cue !== null).length).toBe(2);
    // Clear mode: a tap on a set pad clears it; empty pads do nothing; the mode ends with the last cue.
    await clear.click();
    await expect(clear).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('deck-A-hot-cue-2')).toBeDisabled();
    await page.getByTestId('deck-A-hot-cue-3').click();
    expect(JSON.parse((await deck.getAttribute('data-hot-cues'))!)[2]).toBeNull();
    expect(JSON.parse((await deck.getAttribute('data-hot-cues'))!)[0]).not.toBeNull();
    await page.getByTestId('deck-A-hot-cue-1').click();
    await expect(deck).toHaveAttribute('data-hot-cues', '[null,null,null,null]');
    await expect(clear).toHaveAttribute('aria-pressed', 'false');
    await expect(clear).toBeDisabled();
    // Out of clear mode, an empty pad stores again.
    await page.getByTestId('deck-A-hot-cue-1').click();
    await expect.poll(async () => JSON.parse((await deck.getAttribute('data-hot-cues'))!)[0]).not.toBeNull();
  });
});
