// Where the end-to-end servers listen. Ports are fixed so the service worker origin is stable.
const backendPort = Number(process.env.E2E_BACKEND_PORT ?? 4310);
const consolePort = Number(process.env.E2E_CONSOLE_PORT ?? 3100);
const inProcessPort = Number(process.env.E2E_IN_PROCESS_PORT ?? 3101);
const faultsConsolePort = Number(process.env.E2E_FAULTS_CONSOLE_PORT ?? 3102);
const faultProxyPort = Number(process.env.E2E_FAULT_PROXY_PORT ?? 4311);

export const E2E = {
  dataDir: '.data/e2e',
  backendPort,
  backendUrl: `http://127.0.0.1:${backendPort}`,
  appId: 'spynners-local',
  consolePort,
  consoleUrl: `http://127.0.0.1:${consolePort}`,
  inProcessPort,
  inProcessUrl: `http://127.0.0.1:${inProcessPort}`,
  inProcessPublicUrl: `https://127.0.0.1:${inProcessPort}`,
  // A console whose Base44 is a fault-injecting proxy the test starts (tests/e2e/support/fault-proxy.ts).
  faultsConsolePort,
  faultsConsoleUrl: `http://127.0.0.1:${faultsConsolePort}`,
  faultProxyPort,
  faultProxyUrl: `http://127.0.0.1:${faultProxyPort}`,
  /** That console's upstream deadline: short, so "the answer never came" costs little time. */
  faultsUpstreamTimeoutMs: 1200,
  // Test-only secret, so tests can open the session JWT and find the Base44 token to hunt for.
  nextAuthSecret: 'e2e-only-secret-0123456789abcdefghijklmnopqrstuvwxyz',
  demoPassword: 'spynners',
  demoDj: 'dj@spynners.local',
  /** UPLOAD_LIMIT_MB of the console on consolePort. */
  uploadLimitMb: 3,
} as const;
