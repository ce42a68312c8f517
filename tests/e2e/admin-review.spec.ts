import { expect, test } from '@playwright/test';
import { E2E } from './support/servers';
import { signInThroughUi } from './support/auth';
import { backendAs, pendingTracksForReview, REVIEWED_PRODUCER, uniqueTitle } from './support/backend';

// The review desk end to end (Chromium): an admin approves one pending track with the keyboard and
// rejects another with a reason; the producer sees both outcomes and the notifications; a DJ finds
// the approved track in the library.

test('admin review: approve and reject, seen by the producer and by DJs', async ({ browser, request }) => {
  const [yesTitle, noTitle] = [uniqueTitle('Yes'), uniqueTitle('No')];
  const { ids } = await pendingTracksForReview(request, [yesTitle, noTitle]);
  const [yesId, noId] = ids as [string, string];
  const reason = 'The kick is distorted from 0:45 on';

  // The admin, on a desktop.
  const adminContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const admin = await adminContext.newPage();
  await signInThroughUi(admin, 'admin@spynners.local', E2E.demoPassword);
  await admin.getByRole('link', { name: 'Admin' }).click();
  await expect(admin).toHaveURL(/\/admin\/review/);
  const yesRow = admin.locator(`[data-testid="review-row"][data-track-id="${yesId}"]`);
  const noRow = admin.locator(`[data-testid="review-row"][data-track-id="${noId}"]`);
  await expect(yesRow).toBeVisible();
  await expect(noRow).toBeVisible();

  // Listen: the detail plays the whole track in the console's mini player.
  await yesRow.getByRole('button').click();
  const detail = admin.getByTestId('review-detail');
  await expect(detail).toHaveAttribute('data-track-id', yesId);
  await detail.getByTestId('play-track').click();
  const mini = admin.getByTestId('mini-player');
  await expect(mini.getByTestId('mini-title')).toHaveText(yesTitle);
  await expect(detail.getByTestId('play-track')).toHaveAttribute('data-playing', 'true');
  await expect(mini.getByTestId('mini-preview')).toHaveCount(0);
  await detail.getByTestId('play-track').click();
  await expect(detail.getByTestId('play-track')).toHaveAttribute('data-playing', 'false');

  // j / k move through the queue; "a" approves the selected track.
  await admin.locator('body').click({ position: { x: 5, y: 5 } });
  await admin.keyboard.press('j');
  await admin.keyboard.press('k');
  await expect(detail).toHaveAttribute('data-track-id', yesId);
  await expect(yesRow).toHaveAttribute('aria-selected', 'true');
  await admin.keyboard.press('a');
  await expect(yesRow).toHaveCount(0);
  await expect(admin.getByTestId('review-feedback')).toContainText(`Approved "${yesTitle}"`);

  // "r" opens the rejection form; a reason is required.
  await noRow.getByRole('button').click();
  await expect(detail).toHaveAttribute('data-track-id', noId);
  await admin.locator('body').click({ position: { x: 5, y: 5 } });
  await admin.keyboard.press('r');
  await expect(detail.getByTestId('reject-reason')).toBeFocused();
  await detail.getByTestId('confirm-reject').click();
  await expect(detail.getByTestId('form-error')).toContainText('reason');
  await expect(noRow).toBeVisible();
  await detail.getByTestId('reject-reason').fill(reason);
  await detail.getByTestId('confirm-reject').click();
  await expect(noRow).toHaveCount(0);
  await expect(admin.getByTestId('review-feedback')).toContainText(`Rejected "${noTitle}"`);
  // The server agrees (a reload reads the queue again).
  await admin.reload();
  await expect(admin.locator('[data-app-ready="true"]').first()).toBeVisible();
  await expect(admin.locator(`[data-testid="review-row"][data-track-id="${yesId}"], [data-testid="review-row"][data-track-id="${noId}"]`)).toHaveCount(0);
  await adminContext.close();

  // The producer sees both outcomes and both notifications.
  const producerContext = await browser.newContext();
  const producer = await producerContext.newPage();
  await signInThroughUi(producer, REVIEWED_PRODUCER, E2E.demoPassword);
  // The producer lands on My tracks, whose rows have Stats links of their own: the nav's tab.
  await producer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Stats' }).click();
  const yesStats = producer.locator(`[data-testid="stats-track-row"][data-track-id="${yesId}"]`);
  const noStats = producer.locator(`[data-testid="stats-track-row"][data-track-id="${noId}"]`);
  await expect(yesStats.getByTestId('track-status')).toHaveText('Approved');
  await expect(noStats.getByTestId('track-status')).toHaveText('Rejected');
  await expect(noStats.getByTestId('rejection-reason')).toHaveText(reason);
  const notes = producer.getByTestId('notification');
  await expect(notes.filter({ hasText: 'Track approved' }).filter({ hasText: yesTitle })).toHaveCount(1);
  await expect(notes.filter({ hasText: 'Track not approved' }).filter({ hasText: reason })).toHaveCount(1);
  // The rejected track's own page says why too.
  await noStats.getByRole('link', { name: noTitle }).click();
  await expect(producer).toHaveURL(new RegExp(`/my-tracks/${noId}/stats$`));
  await expect(producer.getByTestId('track-rejection-reason')).toContainText(reason);
  await expect(producer.getByTestId('track-plays')).toHaveText('0');
  await producerContext.close();

  // A DJ finds the approved track in the library, and not the rejected one.
  const djContext = await browser.newContext();
  const dj = await djContext.newPage();
  await signInThroughUi(dj, E2E.demoDj, E2E.demoPassword);
  await dj.getByLabel('Search tracks').fill(yesTitle);
  await expect(dj.getByTestId('track-row').filter({ hasText: yesTitle })).toHaveCount(1);
  await dj.getByLabel('Search tracks').fill(noTitle);
  await expect(dj.getByTestId('track-row').filter({ hasText: noTitle })).toHaveCount(0);
  await djContext.close();

  // What is stored.
  const store = await backendAs(request, 'admin@spynners.local');
  expect(await store.get(`/entities/Track/${yesId}`)).toMatchObject({ status: 'approved' });
  expect(await store.get(`/entities/Track/${noId}`)).toMatchObject({ status: 'rejected', rejection_reason: reason });
});

test('a read-only admin sees the queue but cannot act; a DJ is refused the page', async ({ browser, request }) => {
  const { ids: [trackId] } = await pendingTracksForReview(request, [uniqueTitle('Read')]);
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await signInThroughUi(page, 'moderator@spynners.local', E2E.demoPassword);
  await page.goto('/admin/review');
  await expect(page.getByTestId('read-only-notice')).toBeVisible();
  await page.locator(`[data-testid="review-row"][data-track-id="${trackId}"]`).getByRole('button').click();
  await expect(page.getByTestId('approve-button')).toBeDisabled();
  await expect(page.getByTestId('reject-button')).toBeDisabled();
  await page.keyboard.press('a');
  await expect(page.locator(`[data-testid="review-row"][data-track-id="${trackId}"]`)).toBeVisible();
  await context.close();

  const djContext = await browser.newContext();
  const dj = await djContext.newPage();
  await signInThroughUi(dj, E2E.demoDj, E2E.demoPassword);
  await expect(dj.getByRole('link', { name: 'Admin' })).toHaveCount(0);
  await dj.goto('/admin/review');
  await expect(dj.getByTestId('forbidden')).toBeVisible();
  await expect(dj.getByTestId('review-row')).toHaveCount(0);
  await djContext.close();
});
