/**
 * Playwright-runner fixtures that drive Debian's WebKitGTK MiniBrowser through WebKitWebDriver
 * (W3C WebDriver classic) with webdriverio. Playwright's own WebKit build cannot be downloaded
 * here, and MiniBrowser has no headless mode, so each worker starts its own Xvfb.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { test as base, expect } from '@playwright/test';
import { remote } from 'webdriverio';

export type WebKitBrowser = Awaited<ReturnType<typeof remote>>;

const MINIBROWSER = process.env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const IPAD_USER_AGENT =
  'Mozilla/5.0 (iPad; CPU OS 18_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.4 Mobile/15E148 Safari/604.1';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out waiting for ${url}`);
}

function stop(child: ChildProcess): void {
  if (child.exitCode === null) child.kill('SIGTERM');
}

export const test = base.extend<{ wk: WebKitBrowser }, { display: string; driverPort: number }>({
  display: [
    async ({}, use) => {
      if (process.env.DISPLAY) return use(process.env.DISPLAY);
      // -displayfd 3: Xvfb picks a free display number and writes it to fd 3.
      const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
        stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
      });
      const display = await new Promise<string>((resolve, reject) => {
        let buffer = '';
        xvfb.stdio[3]!.on('data', (chunk: Buffer) => {
          buffer += chunk.toString();
          if (buffer.includes('\n')) resolve(`:${buffer.trim()}`);
        });
        xvfb.on('exit', (code) => reject(new Error(`Xvfb exited with ${code}`)));
      });
      await use(display);
      stop(xvfb);
    },
    { scope: 'worker' },
  ],

  driverPort: [
    async ({ display }, use) => {
      const port = await freePort();
      const driver = spawn('WebKitWebDriver', [`--port=${port}`], {
        env: { ...process.env, DISPLAY: display },
        stdio: ['ignore', 'ignore', process.env.WK_DEBUG ? 'inherit' : 'ignore'],
      });
      await waitForHttp(`http://127.0.0.1:${port}/status`, 15_000);
      await use(port);
      stop(driver);
    },
    { scope: 'worker' },
  ],

  wk: async ({ driverPort }, use, testInfo) => {
    const browser = await remote({
      hostname: '127.0.0.1',
      port: driverPort,
      path: '/',
      logLevel: 'error',
      capabilities: {
        browserName: 'MiniBrowser',
        // WebKitWebDriver refuses webdriverio's default BiDi request ("Failed to match capabilities").
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation', `--user-agent=${IPAD_USER_AGENT}`] },
      } as WebdriverIO.Capabilities,
    });
    await use(browser);
    if (testInfo.status !== testInfo.expectedStatus) {
      const file = testInfo.outputPath('webkitgtk-failure.png');
      await browser.saveScreenshot(file).catch(() => undefined);
      await testInfo.attach('screenshot', { path: file, contentType: 'image/png' }).catch(() => undefined);
      await testInfo.attach('url', { body: String(await browser.getUrl().catch(() => '?')) });
    }
    await browser.deleteSession().catch(() => undefined);
  },
});

export { expect };

/** Polls a condition in the page until it holds (WebDriver has no auto-waiting locators). */
export async function waitInPage(wk: WebKitBrowser, script: string, timeoutMs = 15_000): Promise<void> {
  await wk.waitUntil(async () => Boolean(await wk.execute(`return (${script});`)), {
    timeout: timeoutMs,
    interval: 100,
    timeoutMsg: `Timed out waiting for: ${script}`,
  });
}
