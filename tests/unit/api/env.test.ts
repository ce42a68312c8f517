import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  vi.resetModules();
});

async function loadEnv(vars: Record<string, string | undefined>) {
  process.env = { ...saved, ...vars };
  for (const [k, v] of Object.entries(vars)) if (v === undefined) delete process.env[k];
  const { serverEnv } = await import('@/lib/config/env');
  return serverEnv;
}

describe('serverEnv', () => {
  it('fails with a readable message naming each bad variable', async () => {
    const serverEnv = await loadEnv({ BASE44_SERVER_URL: 'not a url', BASE44_TIMEOUT_MS: '5', NEXTAUTH_SECRET: 'short' });
    expect(() => serverEnv()).toThrowError(/Invalid SPYNNERS console configuration:[\s\S]*BASE44_SERVER_URL[\s\S]*BASE44_TIMEOUT_MS[\s\S]*NEXTAUTH_SECRET: must be at least 32 characters/);
  });

  it('runs with no configuration: embedded backend, default app id, a generated secret kept on disk', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'spynners-env-'));
    const serverEnv = await loadEnv({ BASE44_SERVER_URL: undefined, BASE44_APP_ID: undefined, NEXTAUTH_SECRET: undefined, SPYNNERS_DATA_DIR: dataDir });
    const env = serverEnv();
    expect(env.base44ServerUrl).toBeNull();
    expect(env.base44AppId).toBe('spynners-local');
    expect(env.nextAuthSecret.length).toBeGreaterThanOrEqual(32);
    const file = path.join(dataDir, 'nextauth-secret');
    expect(readFileSync(file, 'utf8')).toBe(env.nextAuthSecret);
    expect(statSync(file).mode & 0o077).toBe(0);

    vi.resetModules();
    const again = await loadEnv({ BASE44_SERVER_URL: undefined, NEXTAUTH_SECRET: undefined, SPYNNERS_DATA_DIR: dataDir });
    expect(again().nextAuthSecret).toBe(env.nextAuthSecret);
  });

  it('strips a trailing slash from the Base44 URL', async () => {
    const serverEnv = await loadEnv({ BASE44_SERVER_URL: 'https://spynners.base44.app/', NEXTAUTH_SECRET: 'x'.repeat(40) });
    expect(serverEnv().base44ServerUrl).toBe('https://spynners.base44.app');
  });
});
