// Headless system Chromium driven by puppeteer-core (the driver Lighthouse itself uses), with a
// throwaway profile under .data/bench, and the console's session cookie for a demo account.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { signIn } from './console-server';
import { CHROMIUM_ARGS } from './pwa-browser';

const root = path.resolve(__dirname, '../../..');

export const DEMO_ACCOUNTS = {
  dj: 'dj@spynners.local',
  producer: 'producer@spynners.local',
  admin: 'admin@spynners.local',
} as const;
export type DemoRole = keyof typeof DEMO_ACCOUNTS;
const DEMO_PASSWORD = 'spynners';

export interface BenchBrowser {
  browser: Browser;
  close(): Promise<void>;
}

export async function launchBenchBrowser(benchName: string): Promise<BenchBrowser> {
  const parent = path.join(root, '.data', 'bench');
  mkdirSync(parent, { recursive: true });
  const profile = mkdtempSync(path.join(parent, `${benchName}-profile-`));
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    userDataDir: profile,
    defaultViewport: null,
    args: CHROMIUM_ARGS.filter((arg) => arg !== '--headless'),
  });
  return {
    browser,
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Signs in over HTTP and puts the session cookie in the browser; returns the cookie header. */
export async function signInBrowser(browser: Browser, appUrl: string, role: DemoRole): Promise<string> {
  const cookie = await signIn(appUrl, DEMO_ACCOUNTS[role], DEMO_PASSWORD);
  const separator = cookie.indexOf('=');
  await browser.defaultBrowserContext().setCookie({
    name: cookie.slice(0, separator),
    value: cookie.slice(separator + 1),
    domain: '127.0.0.1',
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
  });
  return cookie;
}

/**
 * Chromium 156 under puppeteer-core 23 now and then answers Target.createTarget with "Session with
 * given id not found" right after a tab closed (once in the first ~130 tabs here): a second try works.
 */
export async function openTab(browser: Browser): Promise<Page> {
  try {
    return await browser.newPage();
  } catch {
    await new Promise((r) => setTimeout(r, 1000));
    return browser.newPage();
  }
}
