import { afterEach, describe, expect, it, vi } from 'vitest';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  vi.resetModules();
});

async function envWith(vars: Record<string, string | undefined>) {
  process.env = { ...saved, NEXTAUTH_SECRET: 'unit-test-secret-0123456789abcdefghijklmnopqrstuvwxyz', ...vars };
  for (const [k, v] of Object.entries(vars)) if (v === undefined) delete process.env[k];
  return (await import('@/lib/config/env')).serverEnv;
}

describe('upload time settings', () => {
  it('default to a 60 s stall and a 60 min deadline', async () => {
    const env = (await envWith({ UPLOAD_STALL_SECONDS: undefined, UPLOAD_DEADLINE_MINUTES: undefined }))();
    expect(env.uploadStallMs).toBe(60_000);
    expect(env.uploadDeadlineMs).toBe(60 * 60_000);
  });

  it('read UPLOAD_STALL_SECONDS and UPLOAD_DEADLINE_MINUTES, and refuse nonsense by name', async () => {
    const env = (await envWith({ UPLOAD_STALL_SECONDS: '5', UPLOAD_DEADLINE_MINUTES: '120' }))();
    expect(env.uploadStallMs).toBe(5000);
    expect(env.uploadDeadlineMs).toBe(120 * 60_000);
    vi.resetModules();
    const bad = await envWith({ UPLOAD_STALL_SECONDS: '0', UPLOAD_DEADLINE_MINUTES: 'soon' });
    expect(() => bad()).toThrowError(/UPLOAD_STALL_SECONDS[\s\S]*UPLOAD_DEADLINE_MINUTES/);
  });
});
