// Shared by the pwa-* benchmarks: the production console on a free port (embedded backend, demo
// data) and headless Chromium signed in to it, with the service worker allowed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright';
import { ensureBuild, startConsole, type ConsoleServer } from './console-server';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface SignedInConsole {
  app: ConsoleServer;
  browser: Browser;
  context: BrowserContext;
  close(): Promise<void>;
}

/** Builds if needed, starts the console and a browser context signed in as the demo DJ. */
export async function signedInConsole(): Promise<SignedInConsole> {
  ensureBuild();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'spynners-bench-pwa-'));
  const app = await startConsole({
    SPYNNERS_DATA_DIR: dataDir,
    NEXTAUTH_SECRET: 'bench-secret-0123456789abcdefghijklmnopqrstuv',
  });
  const browser = await launchChromium();
  const context = await browser.newContext({ baseURL: app.url, serviceWorkers: 'allow' });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill('dj@spynners.local');
  await page.getByLabel('Password').fill('spynners');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/library/);
  await page.locator('[data-app-ready="true"]').waitFor({ timeout: 60_000 });
  await page.close();
  return {
    app,
    browser,
    context,
    async close() {
      await browser.close();
      app.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
