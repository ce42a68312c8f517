// Where the end-to-end servers listen. Ports are fixed so the service worker origin is stable.
const backendPort = Number(process.env.E2E_BACKEND_PORT ?? 4310);
const consolePort = Number(process.env.E2E_CONSOLE_PORT ?? 3100);
const inProcessPort = Number(process.env.E2E_IN_PROCESS_PORT ?? 3101);

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
  // Test-only secret, so tests can open the session JWT and find the Base44 token to hunt for.
  nextAuthSecret: 'e2e-only-secret-0123456789abcdefghijklmnopqrstuvwxyz',
  demoPassword: 'spynners',
  demoDj: 'dj@spynners.local',
  /** UPLOAD_LIMIT_MB of the console on consolePort. */
  uploadLimitMb: 3,
} as const;
