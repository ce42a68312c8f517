// The decks in a club basement (issues #5 and #6), in Chromium on the production build: with no
// network, the deck browser marks the tracks downloaded on this device, and one of them loads on
// a deck and plays (the service worker answers its audio from Cache Storage).
import { expect, test } from '@playwright/test';
import { signInThroughApi, signUpThroughApi, uniqueEmail } from './support/auth';
import { downloadThroughTrackPage } from './support/downloads';
import { catalogueSaved, controlledPage } from './support/offline';

test('offline: the deck browser marks downloaded tracks, and a downloaded one loads and plays on a deck', async ({ page, context }) => {
  test.setTimeout(90_000);
  const email = uniqueEmail('decks-offline');
  await signUpThroughApi(context.request, email);
  await signInThroughApi(context.request, email, 'correct-horse-42');
  await controlledPage(page, '/console');
  const [kept, notKept] = await page.evaluate(async () => {
    const res = await fetch('/api/tracks?pageSize=12', { headers: { accept: 'application/json' } });
    const body = (await res.json()) as { items: Array<{ id: string; title: string; audioUrl: string | null; isVip: boolean }> };
    return body.items.filter((t) => t.audioUrl && !t.isVip).map(({ id, title }) => ({ id, title }));
  });
  expect(kept && notKept).toBeTruthy();
  await downloadThroughTrackPage(page, kept!.id);
  await page.goto('/console');
  await expect(page.locator('[data-decks][data-app-ready="true"]')).toBeVisible();
  await catalogueSaved(page);

  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('[data-decks][data-app-ready="true"]')).toBeVisible({ timeout: 20_000 });
  const search = page.getByLabel('Search tracks to load');
  const row = (id: string) => page.locator(`[data-testid="deck-track"][data-track-id="${id}"]`);
  await search.fill(notKept!.title);
  await expect(row(notKept!.id)).toBeVisible();
  await expect(row(notKept!.id).getByTestId('offline-badge')).toHaveCount(0);
  await search.fill(kept!.title);
  await expect(row(kept!.id).getByTestId('offline-badge')).toBeVisible();

  await row(kept!.id).getByTestId('load-A').click();
  const deckA = page.getByTestId('deck-A');
  await expect(deckA).toHaveAttribute('data-track-id', kept!.id);
  await expect(deckA).toHaveAttribute('data-status', 'ready', { timeout: 15_000 });
  // The overview is computed off the main thread offline too (the worker's scripts are precached).
  await expect(page.getByTestId('waveform-A')).toHaveAttribute('data-source', 'worker', { timeout: 20_000 });
  await page.getByTestId('deck-A-play').click();
  await expect(deckA).toHaveAttribute('data-playing', 'true');
  const start = Number(await deckA.getAttribute('data-position'));
  await expect.poll(async () => Number(await deckA.getAttribute('data-position')), { timeout: 10_000 }).toBeGreaterThan(start + 1);
});
