// Puts a signed-in browser in the state of a second visit: the service worker controls the console
// and the persisted query cache (IndexedDB, lib/query/persist) holds what the page loaded.
import type { Browser, Page } from 'puppeteer-core';
import { openTab } from './lighthouse-browser';
import { CONSOLE_DB_NAME } from '../../../lib/offline/db';

const READY = '[data-app-ready="true"]';
/** The persister writes at most once a second (lib/query/persist/session.ts): quiet for longer. */
const QUIET_MS = 3000;

export interface WarmState {
  controlled: boolean;
  /** Rows of the persisted query cache once it stopped changing. */
  persistedQueries: number;
}

/** Rows in the console database's query cache, without creating the database if it is missing. */
function countPersisted(page: Page): Promise<number> {
  return page.evaluate(async (name) => {
    const databases = await indexedDB.databases();
    if (!databases.some((db) => db.name === name)) return 0;
    return new Promise<number>((resolve) => {
      const open = indexedDB.open(name);
      open.onerror = () => resolve(0);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('queryCache')) {
          db.close();
          resolve(0);
          return;
        }
        const count = db.transaction('queryCache').objectStore('queryCache').count();
        count.onsuccess = () => {
          db.close();
          resolve(count.result);
        };
        count.onerror = () => {
          db.close();
          resolve(0);
        };
      };
    });
  }, CONSOLE_DB_NAME);
}

export async function warmUp(browser: Browser, url: string, timeoutMs = 60_000): Promise<WarmState> {
  const page = await openTab(browser);
  try {
    await page.goto(url);
    await page.waitForSelector(READY, { timeout: timeoutMs });
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const controlled = await page
      .waitForFunction(() => navigator.serviceWorker.controller !== null, { timeout: 10_000 })
      .then(() => true, () => false);
    // The first document came from the network before the worker existed: a second load goes
    // through it (and its page cache), as a real second visit does.
    await page.reload();
    await page.waitForSelector(READY, { timeout: timeoutMs });
    const deadline = Date.now() + timeoutMs;
    let count = await countPersisted(page);
    let since = Date.now();
    while (Date.now() < deadline && (count === 0 || Date.now() - since < QUIET_MS)) {
      await new Promise((r) => setTimeout(r, 500));
      const next = await countPersisted(page);
      if (next !== count) since = Date.now();
      count = next;
    }
    return { controlled, persistedQueries: count };
  } finally {
    await page.close();
  }
}
