import { E2E } from '../support/servers';
import { LAYOUT_PROBLEMS_SCRIPT } from '../support/layout-check';
import { expect, test, waitInPage, type WebKitBrowser } from '../support/webkit';

// The layout check of tests/e2e/layout-check.spec.ts in WebKitGTK (the engine of Safari on the
// iPad): signed out, then every screen of each member, at iPad portrait, landscape and desktop sizes.
const SIZES = [
  { width: 820, height: 1180 },
  { width: 1180, height: 820 },
  { width: 1440, height: 900 },
];

async function signIn(wk: WebKitBrowser, email: string): Promise<void> {
  await wk.deleteCookies();
  await wk.url(`${E2E.consoleUrl}/sign-in`);
  await (await wk.$('input[name="email"]')).setValue(email);
  await (await wk.$('input[name="password"]')).setValue(E2E.demoPassword);
  await (await wk.$('button[type="submit"]')).click();
  await waitInPage(wk, `location.pathname !== '/sign-in'`, 20_000);
}

async function problemsAt(wk: WebKitBrowser, paths: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const size of SIZES) {
    await wk.setWindowSize(size.width, size.height);
    for (const path of paths) {
      await wk.url(`${E2E.consoleUrl}${path}`);
      await waitInPage(wk, `document.readyState === 'complete' && document.querySelector('main') !== null`, 20_000);
      await waitInPage(wk, `document.querySelector('[data-app-ready="true"]') !== null || !document.querySelector('[data-app-ready-scope]')`, 20_000);
      const width = (await wk.execute('return window.innerWidth')) as number;
      // The window's frame takes a few pixels at most: the page is checked at the width asked for.
      expect(Math.abs(width - size.width), `window ${size.width} px wide, page ${width} px`).toBeLessThanOrEqual(24);
      for (const problem of (await wk.execute(`return ${LAYOUT_PROBLEMS_SCRIPT}`)) as string[]) found.push(`${path} at ${width} px wide: ${problem}`);
    }
  }
  return found;
}

test('WebKitGTK: no screen scrolls sideways, no control leaves its box, no text is cut in a control', async ({ wk }) => {
  test.setTimeout(240_000);
  const found = await problemsAt(wk, ['/sign-in', '/sign-up']);
  await signIn(wk, E2E.demoDj);
  found.push(...(await problemsAt(wk, ['/library', '/console', '/sessions', '/vip', '/playlists', '/downloads', '/profile'])));
  await signIn(wk, 'producer@spynners.local');
  found.push(...(await problemsAt(wk, ['/upload', '/my-tracks', '/stats'])));
  await signIn(wk, 'admin@spynners.local');
  found.push(...(await problemsAt(wk, ['/admin/review', '/admin/users'])));
  expect(found).toEqual([]);
});
