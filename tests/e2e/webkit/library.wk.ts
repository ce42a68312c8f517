import { E2E } from '../support/servers';
import { expect, test, waitInPage } from '../support/webkit';

test('WebKitGTK: the demo DJ signs in and sees the library', async ({ wk }) => {
  await wk.url(`${E2E.consoleUrl}/sign-in`);
  await (await wk.$('input[name="email"]')).setValue(E2E.demoDj);
  await (await wk.$('input[name="password"]')).setValue(E2E.demoPassword);
  await (await wk.$('button[type="submit"]')).click();

  await waitInPage(wk, `location.pathname === '/library'`);
  // The rows in view and the 8 mounted below them (the list is virtual).
  await waitInPage(wk, `document.querySelectorAll('[data-testid="track-row"]').length >= 12`);
  const firstTitle = await wk.execute(() => document.querySelector('[data-testid="track-title"]')?.textContent ?? '');
  expect(firstTitle.length).toBeGreaterThan(0);

  const wrongUrl = await wk.execute(() => document.querySelector('[role="alert"]')?.textContent ?? null);
  expect(wrongUrl).toBeNull();
});
