import { describe, expect, it } from 'vitest';
import { makeZodJitless } from '@/lib/security/zod-jitless';

describe('zod without compiled parsers (no eval under the CSP)', () => {
  it('sets jitless on the shared config object and keeps what was already there', () => {
    const shared = { locale: 'x' };
    const target: { __zod_globalConfig?: Record<string, unknown> } = { __zod_globalConfig: shared };
    makeZodJitless(target);
    expect(target.__zod_globalConfig).toBe(shared);
    expect(shared).toEqual({ locale: 'x', jitless: true });
    const empty: { __zod_globalConfig?: Record<string, unknown> } = {};
    makeZodJitless(empty);
    expect(empty.__zod_globalConfig).toEqual({ jitless: true });
  });

  it('is the config zod reads, so zod never probes `new Function`', async () => {
    makeZodJitless();
    const { config, z } = await import('zod');
    expect(config()).toBe((globalThis as { __zod_globalConfig?: unknown }).__zod_globalConfig);
    expect(config().jitless).toBe(true);
    const { util } = await import('zod/v4/core');
    expect(util.allowsEval.value).toBe(false);
    expect(z.object({ name: z.string() }).parse({ name: 'Nova' })).toEqual({ name: 'Nova' });
  });
});
