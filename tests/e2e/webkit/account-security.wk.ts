import { E2E } from '../support/servers';
import { uniqueEmail } from '../support/auth';
import { expect, test, waitInPage } from '../support/webkit';

const PASSWORD = 'correct-horse-42';

test('WebKitGTK: the profile lists this device, its controls are touch-sized, sign out everywhere leaves', async ({ wk }) => {
  const email = uniqueEmail('wk-devices');
  const registered = await fetch(`${E2E.backendUrl}/api/apps/${E2E.appId}/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD, full_name: 'WebKit DJ', user_type: 'dj' }),
  });
  expect(registered.status).toBe(201);

  await wk.url(`${E2E.consoleUrl}/sign-in`);
  await (await wk.$('input[name="email"]')).setValue(email);
  await (await wk.$('input[name="password"]')).setValue(PASSWORD);
  await (await wk.$('button[type="submit"]')).click();
  await waitInPage(wk, `location.pathname === '/library'`);

  await wk.url(`${E2E.consoleUrl}/profile`);
  await waitInPage(wk, `document.querySelector('[data-testid="device-count"]')?.textContent === '1 device signed in'`);
  const device = await wk.execute(() => document.querySelector('[data-testid="device"]')?.textContent ?? '');
  expect(device).toContain('This device');
  const heights = await wk.execute(() =>
    Array.from(document.querySelectorAll('[data-testid="signed-in-devices"] button, form[aria-label="Change password"] button, form[aria-label="Change password"] input'))
      .filter((n) => n.getClientRects().length > 0)
      .map((n) => n.getBoundingClientRect().height),
  );
  expect(heights.length).toBeGreaterThanOrEqual(4);
  for (const height of heights) expect(height).toBeGreaterThanOrEqual(44);

  await wk.execute(() => {
    const button = Array.from(document.querySelectorAll('[data-testid="signed-in-devices"] button')).find((b) => b.textContent === 'Sign out everywhere');
    (button as HTMLButtonElement).click();
  });
  await waitInPage(wk, `Boolean(document.querySelector('dialog[open]'))`);
  await wk.execute(() => {
    const confirm = Array.from(document.querySelectorAll('dialog[open] button')).find((b) => b.textContent === 'Sign out everywhere');
    (confirm as HTMLButtonElement).click();
  });
  await waitInPage(wk, `location.pathname === '/sign-in'`, 20_000);
  await wk.url(`${E2E.consoleUrl}/profile`);
  await waitInPage(wk, `location.pathname === '/sign-in'`);
});
