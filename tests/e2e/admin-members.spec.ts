import { expect, test, type Page } from '@playwright/test';
import { E2E } from './support/servers';
import { signInThroughApi, signUpThroughApi, uniqueEmail } from './support/auth';
import { backendAs, REVIEWED_PRODUCER, uniqueTitle } from './support/backend';

// The admin desk: members in compact one-line rows, a confirmation naming member and amount
// before a large grant of Black Diamonds, and ISRCs shown the way people read them.

async function signInAsAdmin(page: Page): Promise<void> {
  await signInThroughApi(page.request, 'admin@spynners.local', E2E.demoPassword);
}

async function newMember(page: Page): Promise<string> {
  const email = uniqueEmail('grant');
  const context = await page.context().browser()!.newContext({ baseURL: E2E.consoleUrl });
  await signUpThroughApi(context.request, email);
  await context.close();
  return email;
}

test('members: one line per member on a desktop, rows at most 56 px tall', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInAsAdmin(page);
  await page.goto('/admin/users');
  const rows = page.getByTestId('user-row');
  await expect(rows.first()).toBeVisible();
  const heights = await rows.evaluateAll((all) => all.map((row) => row.getBoundingClientRect().height));
  expect(heights.length).toBeGreaterThan(5);
  for (const height of heights) expect(height).toBeLessThanOrEqual(56);
  // Name and email share one line: the email's box sits on the name's.
  const lines = await rows.first().locator('td').first().locator('div').evaluate((cell) => {
    const [name, email] = [...cell.children].map((child) => child.getBoundingClientRect());
    return { nameTop: Math.round(name!.top), emailTop: Math.round(email!.top), nameHeight: name!.height };
  });
  expect(Math.abs(lines.emailTop - lines.nameTop)).toBeLessThan(lines.nameHeight);
});

test('a grant above 100 Black Diamonds waits for a confirmation naming member and amount; a small one does not', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const email = await newMember(page);
  await signInAsAdmin(page);
  await page.goto('/admin/users');
  await page.getByTestId('user-search').fill(email);
  const row = page.locator('[data-testid="user-row"]').filter({ hasText: email });
  await expect(row).toHaveCount(1);
  const balance = row.getByTestId('user-diamonds');
  await expect(balance).toHaveText('0');

  // 250: a dialog says who and how much; cancelled, nothing is granted.
  await row.getByTestId('grant-amount').fill('250');
  await row.getByTestId('grant-button').click();
  const dialog = page.getByRole('dialog', { name: 'Grant 250 Black Diamonds?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('grant-confirm-text')).toHaveText(`E2E DJ (${email}) has 0 Black Diamonds. After this grant: 250.`);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await page.reload();
  await page.getByTestId('user-search').fill(email);
  await expect(row.getByTestId('user-diamonds')).toHaveText('0');

  // Confirmed, it is granted.
  await row.getByTestId('grant-amount').fill('250');
  await row.getByTestId('grant-button').click();
  await dialog.getByRole('button', { name: 'Grant 250 ◆' }).click();
  await expect(page.getByTestId('grant-result')).toHaveText('Granted 250 Black Diamonds to E2E DJ: balance 250.');
  await expect(balance).toHaveText('250');

  // 100 and less: at once, no dialog.
  await row.getByTestId('grant-amount').fill('100');
  await row.getByTestId('grant-button').click();
  await expect(page.getByTestId('grant-result')).toHaveText('Granted 100 Black Diamonds to E2E DJ: balance 350.');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(balance).toHaveText('350');

  // A bad amount: the field outlined, the reason in the status line, no row grows.
  await row.getByTestId('grant-amount').fill('0');
  await row.getByTestId('grant-button').click();
  await expect(page.getByTestId('form-error')).toHaveText('E2E DJ: At least 1');
  await expect(row.getByTestId('grant-amount')).toHaveAttribute('aria-invalid', 'true');
  expect((await row.boundingBox())!.height).toBeLessThanOrEqual(56);
});

test('the review desk and the track page show an ISRC with its dashes', async ({ page, request }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const producer = await backendAs(request, REVIEWED_PRODUCER);
  const [source] = await producer.get<{ audio_url: string; artwork_url: string; duration: number }[]>(
    `/entities/Track?q=${encodeURIComponent(JSON.stringify({ status: 'approved', producer_id: producer.userId }))}&limit=1`,
  );
  const title = uniqueTitle('Isrc');
  const track = await producer.post<{ id: string }>('/entities/Track', {
    title, producer_name: 'Ventura', genre: 'Deep House', bpm: 122, key: '8A', duration: source!.duration,
    audio_url: source!.audio_url, artwork_url: source!.artwork_url, rights_confirmed: true, isrc: 'FRZ032500001',
  });
  await signInAsAdmin(page);
  await page.goto('/admin/review');
  await page.locator(`[data-testid="review-row"][data-track-id="${track.id}"]`).getByRole('button').click();
  const detail = page.getByTestId('review-detail');
  await expect(detail).toHaveAttribute('data-track-id', track.id);
  await expect(detail.getByText('FR-Z03-25-00001', { exact: true })).toBeVisible();
  await expect(detail.getByText('FRZ032500001')).toHaveCount(0);

  await page.goto(`/tracks/${track.id}`);
  await expect(page.getByText('FR-Z03-25-00001', { exact: true })).toBeVisible();
});
