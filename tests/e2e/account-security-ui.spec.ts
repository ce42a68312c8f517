import { expect, test, type Page } from '@playwright/test';
import { E2E } from './support/servers';
import { signInThroughApi, signInThroughUi, signUpThroughApi, uniqueEmail } from './support/auth';
import { attemptSignIn } from './support/session-cookies';

// The sign-in form's throttle message, and the profile's devices / password controls, in Chromium.
// Screenshots go to SHOTS_DIR when it is set (review only, never committed).

const PASSWORD = 'correct-horse-42';
const VIEWPORTS = [
  { width: 820, height: 1180 },
  { width: 1180, height: 820 },
  { width: 1440, height: 900 },
];

async function shoot(page: Page, name: string) {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: `${dir}/${name}-${viewport.width}x${viewport.height}.png`, fullPage: true });
  }
}

async function expectTouchTargets(page: Page, selector: string) {
  // Shown controls only (the closed confirm dialog's buttons are not laid out).
  const heights = await page
    .locator(selector)
    .evaluateAll((nodes) => nodes.filter((n) => n.getClientRects().length > 0).map((n) => n.getBoundingClientRect().height));
  expect(heights.length).toBeGreaterThan(0);
  for (const height of heights) expect(height).toBeGreaterThanOrEqual(44);
}

test('the sign-in form says how long a throttled account waits', async ({ page, playwright }) => {
  const email = uniqueEmail('form-throttle');
  const setUp = await playwright.request.newContext({ baseURL: E2E.consoleUrl });
  await signUpThroughApi(setUp, email, PASSWORD);
  const attacker = await playwright.request.newContext({ baseURL: E2E.consoleUrl });
  for (let i = 0; i < 5; i++) await attemptSignIn(attacker, email, `wrong-${i}`);
  await Promise.all([setUp.dispose(), attacker.dispose()]);

  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('form-error')).toHaveText(/^Too many attempts\. Try again in 1[45] minutes\.$/);
  await expect(page).toHaveURL(/\/sign-in/);
  await shoot(page, 'sign-in-throttled');
});

test('the profile lists signed-in devices, changes the password and signs out everywhere', async ({ page, playwright }) => {
  test.setTimeout(90_000);
  const email = uniqueEmail('profile-devices');
  const other = await playwright.request.newContext({ baseURL: E2E.consoleUrl, userAgent: 'Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1' });
  await signUpThroughApi(other, email, PASSWORD);
  await signInThroughUi(page, email, PASSWORD);

  await page.goto('/profile');
  const devices = page.getByTestId('signed-in-devices');
  await expect(devices.getByTestId('device-count')).toHaveText('2 devices signed in');
  await expect(devices.getByTestId('device')).toHaveCount(2);
  await expect(devices.getByTestId('device').first()).toContainText('This device');
  await expect(devices.getByText('Safari on iPad')).toBeVisible();
  await expectTouchTargets(page, '[data-testid="signed-in-devices"] button, form[aria-label="Change password"] button, form[aria-label="Change password"] input');
  await shoot(page, 'profile');

  const form = page.getByRole('form', { name: 'Change password' });
  await form.getByLabel('Current password').fill(PASSWORD);
  await form.getByLabel('New password', { exact: true }).fill('brand-new-pass-1');
  await form.getByLabel('New password again').fill('brand-new-pass-1');
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByTestId('password-done')).toHaveText('Password changed. 1 other device was signed out.');
  await expect(devices.getByTestId('device-count')).toHaveText('1 device signed in');
  expect((await other.get('/api/me')).status()).toBe(401);

  await signInThroughApi(other, email, 'brand-new-pass-1');
  await page.reload();
  await expect(devices.getByTestId('device-count')).toHaveText('2 devices signed in');
  await devices.getByRole('button', { name: 'Sign out everywhere' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  expect((await other.get('/api/me')).status()).toBe(401);
  await page.goto('/profile');
  await expect(page).toHaveURL(/\/sign-in/);
  await other.dispose();
});
