import { E2E } from '../support/servers';
import { expect, test, waitInPage } from '../support/webkit';

test('WebKitGTK: the DJ signs in, searches the library on the local index and opens a track', async ({ wk }) => {
  await wk.url(`${E2E.consoleUrl}/sign-in`);
  await (await wk.$('input[name="email"]')).setValue(E2E.demoDj);
  await (await wk.$('input[name="password"]')).setValue(E2E.demoPassword);
  await (await wk.$('button[type="submit"]')).click();

  await waitInPage(wk, `location.pathname === '/library'`);
  // The catalogue is loaded and indexed in idle time (WebKit has no requestIdleCallback: timers).
  await waitInPage(wk, `document.querySelector('[data-search-source="local"][data-app-ready="true"]') !== null`, 30_000);
  const total = await wk.execute(() => document.querySelector('[data-testid="track-count"]')?.textContent ?? '');
  expect(total).toMatch(/^\d+ tracks$/);

  const title = await wk.execute(() => document.querySelectorAll('[data-testid="track-title"]')[2]?.textContent ?? '');
  const word = title.split(' ')[0]!;
  const query = word.slice(0, 3).toLowerCase();
  await (await wk.$('input[aria-label="Search tracks"]')).setValue(query);
  // WebDriver types key by key: the list answers each prefix in turn. Read it once the whole query
  // is in the address and every row shown matches it.
  await waitInPage(wk, `location.search.includes('search=${query}')`);
  await waitInPage(
    wk,
    `(() => { const rows = [...document.querySelectorAll('[data-testid="track-row"]')]; return rows.length > 0 && rows.every((row) => (row.textContent ?? '').toLowerCase().includes(${JSON.stringify(query)})); })()`,
  );
  expect(await wk.execute(() => document.querySelector('[data-testid="track-count"]')?.textContent ?? '')).not.toBe(total);
  const titles = await wk.execute(() => [...document.querySelectorAll('[data-testid="track-row"]')].map((row) => row.textContent ?? ''));
  expect(titles.length).toBeGreaterThan(0);
  for (const text of titles) expect(text.toLowerCase()).toContain(query);

  await wk.execute((t: string) => {
    const link = [...document.querySelectorAll<HTMLAnchorElement>('[data-testid="track-row"]')].find((a) => a.textContent?.includes(t));
    link?.click();
  }, title);
  await waitInPage(wk, `location.pathname.startsWith('/tracks/')`);
  await waitInPage(wk, `document.querySelector('h1')?.textContent === ${JSON.stringify(title)}`);
  await waitInPage(wk, `document.querySelector('[data-testid="rating-summary"]') !== null`);
  const alert = await wk.execute(() => document.querySelector('[role="alert"]')?.textContent ?? null);
  expect(alert).toBeNull();
});
