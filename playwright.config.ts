import { defineConfig, devices } from '@playwright/test';
import { E2E } from './tests/e2e/support/servers';

// System Chromium from Debian; Playwright's own browser downloads are impossible here.
const chromiumLaunch = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--autoplay-policy=no-user-gesture-required',
  ],
};

// The standalone backend's authThrottle function and the consoles share this key (a test value).
const CONSOLE_KEY = 'e2e-only-console-key-0123456789abcdefghijkl';

const consoleEnv = {
  NEXT_TELEMETRY_DISABLED: '1',
  NEXTAUTH_SECRET: E2E.nextAuthSecret,
  BASE44_CONSOLE_KEY: CONSOLE_KEY,
  // Every test browser signs in from 127.0.0.1, dozens of sign-ups and a few wrong passwords per
  // run: the per-address budgets are raised; the per-account / per-email ones (what the tests
  // check) keep their production values.
  SIGN_IN_ADDRESS_LIMIT: '200',
  SIGN_UP_ADDRESS_LIMIT: '1000',
};

export default defineConfig({
  testDir: './tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  // One retry in CI only: a 2-core runner under load; a test failing twice still fails the run.
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: { baseURL: E2E.consoleUrl, trace: 'retain-on-failure', serviceWorkers: 'allow' },
  webServer: [
    {
      // The standalone embedded backend stands in for a remote Base44 app (counts upstream calls).
      command: `rm -rf ${E2E.dataDir} && mkdir -p ${E2E.dataDir} && npm run base44 -- --port ${E2E.backendPort} --data ${E2E.dataDir}/base44 --expose-stats 2>&1 | tee ${E2E.dataDir}/backend.log`,
      url: `${E2E.backendUrl}/__embedded/stats`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: { BASE44_CONSOLE_KEY: CONSOLE_KEY },
    },
    {
      // The console as deployed against a remote Base44 (BASE44_SERVER_URL set).
      command: `node lib/cli/server.mjs -H 127.0.0.1 -p ${E2E.consolePort} 2>&1 | tee ${E2E.dataDir}/console.log`,
      url: `${E2E.consoleUrl}/sign-in`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        ...consoleEnv,
        BASE44_SERVER_URL: E2E.backendUrl,
        BASE44_APP_ID: 'spynners-local',
        NEXTAUTH_URL: E2E.consoleUrl,
        SPYNNERS_DATA_DIR: `${E2E.dataDir}/console`,
        // Small, so the oversize-upload tests need only a few megabytes.
        UPLOAD_LIMIT_MB: String(E2E.uploadLimitMb),
      },
    },
    {
      // The console as `npm start` runs it: no Base44 configured, embedded backend in-process,
      // NEXTAUTH_URL on https as in production (so its cookies must be Secure).
      command: `node lib/cli/server.mjs -H 127.0.0.1 -p ${E2E.inProcessPort} 2>&1 | tee ${E2E.dataDir}/in-process.log`,
      url: `${E2E.inProcessUrl}/sign-in`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        ...consoleEnv,
        NEXTAUTH_URL: E2E.inProcessPublicUrl,
        SPYNNERS_DATA_DIR: `${E2E.dataDir}/in-process`,
      },
    },
    {
      // The console of the outbox's fault-injection test: its Base44 is a proxy the test starts and
      // controls (tests/e2e/support/fault-proxy.ts), in front of the standalone backend.
      command: `node lib/cli/server.mjs -H 127.0.0.1 -p ${E2E.faultsConsolePort} 2>&1 | tee ${E2E.dataDir}/faults-console.log`,
      url: `${E2E.faultsConsoleUrl}/sign-in`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        ...consoleEnv,
        BASE44_SERVER_URL: E2E.faultProxyUrl,
        BASE44_APP_ID: 'spynners-local',
        BASE44_TIMEOUT_MS: String(E2E.faultsUpstreamTimeoutMs),
        NEXTAUTH_URL: E2E.faultsConsoleUrl,
        SPYNNERS_DATA_DIR: `${E2E.dataDir}/faults-console`,
      },
    },
  ],
  projects: [
    {
      name: 'chromium',
      testMatch: /.*\.spec\.ts$/,
      use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunch },
    },
    {
      // System WebKitGTK (MiniBrowser) through WebKitWebDriver + webdriverio, under Xvfb.
      name: 'webkitgtk',
      testMatch: /.*\.wk\.ts$/,
      timeout: 90_000,
    },
  ],
});
