import { describe, expect, it, vi } from 'vitest';
import { createOwnerRule, OWNER_STORAGE_KEY } from '@/lib/offline/downloads/owner-rule';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
    items,
  };
}

/** A schedule that runs jobs when told (start-up over). */
function deferred() {
  const jobs: Array<() => unknown> = [];
  return {
    schedule: vi.fn((job: () => unknown) => {
      jobs.push(job);
      return () => {
        const index = jobs.indexOf(job);
        if (index >= 0) jobs.splice(index, 1);
      };
    }),
    runAll: () => Promise.all(jobs.splice(0).map((job) => job())),
    pending: () => jobs.length,
  };
}

function controllable() {
  let finish: () => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const claim = vi.fn(
    () =>
      new Promise<number>((resolve, reject) => {
        finish = () => resolve(0);
        fail = reject;
      }),
  );
  return { claim, finish: () => finish(), fail: (error: Error) => fail(error) };
}

describe('the owner rule at console start', () => {
  it('re-checks after start-up when the device is already this member\'s, and playback never waits', async () => {
    const storage = memoryStorage({ [OWNER_STORAGE_KEY]: 'dj-1' });
    const later = deferred();
    const rule = createOwnerRule({ storage: () => storage, schedule: later.schedule });
    const claim = vi.fn(async () => 0);

    rule.apply('dj-1', claim);
    expect(claim).not.toHaveBeenCalled();
    expect(rule.gate()).toBeNull();
    await later.runAll();
    expect(claim).toHaveBeenCalledWith('dj-1');
    expect(storage.items.get(OWNER_STORAGE_KEY)).toBe('dj-1');
  });

  it('runs at once for another member\'s device, and playback waits for it', async () => {
    const storage = memoryStorage({ [OWNER_STORAGE_KEY]: 'dj-1' });
    const later = deferred();
    const rule = createOwnerRule({ storage: () => storage, schedule: later.schedule });
    const { claim, finish } = controllable();

    rule.apply('dj-2', claim);
    expect(claim).toHaveBeenCalledWith('dj-2');
    expect(later.pending()).toBe(0);
    // Until the claim succeeds the device is nobody's: a crash meanwhile claims again next start.
    expect(storage.items.has(OWNER_STORAGE_KEY)).toBe(false);
    const gate = rule.gate();
    expect(gate).not.toBeNull();
    let opened = false;
    void gate!.then(() => (opened = true));
    await Promise.resolve();
    expect(opened).toBe(false);

    finish();
    await gate;
    expect(opened).toBe(true);
    expect(rule.gate()).toBeNull();
    expect(storage.items.get(OWNER_STORAGE_KEY)).toBe('dj-2');
  });

  it('runs at once on a device with no mark, and a failed claim opens playback but leaves no mark', async () => {
    const storage = memoryStorage();
    const rule = createOwnerRule({ storage: () => storage, schedule: deferred().schedule });
    const { claim, fail } = controllable();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    rule.apply('dj-1', claim);
    const gate = rule.gate();
    fail(new Error('IndexedDB is gone'));
    await expect(gate).resolves.toBeUndefined();
    expect(rule.gate()).toBeNull();
    expect(storage.items.has(OWNER_STORAGE_KEY)).toBe(false);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('runs at once without storage (private mode)', () => {
    const rule = createOwnerRule({ storage: () => null, schedule: deferred().schedule });
    const claim = vi.fn(async () => 0);
    rule.apply('dj-1', claim);
    expect(claim).toHaveBeenCalledWith('dj-1');
    expect(rule.gate()).not.toBeNull();
  });

  it('a sign-in form\'s claim marks the device, so the next console start does not wait', () => {
    const storage = memoryStorage({ [OWNER_STORAGE_KEY]: 'dj-1' });
    const later = deferred();
    const rule = createOwnerRule({ storage: () => storage, schedule: later.schedule });
    rule.claimed('dj-2');
    const claim = vi.fn(async () => 0);
    rule.apply('dj-2', claim);
    expect(claim).not.toHaveBeenCalled();
    expect(later.pending()).toBe(1);
    expect(rule.gate()).toBeNull();
  });

  it('a cancelled start (unmount before start-up ended) does not claim', async () => {
    const storage = memoryStorage({ [OWNER_STORAGE_KEY]: 'dj-1' });
    const later = deferred();
    const rule = createOwnerRule({ storage: () => storage, schedule: later.schedule });
    const claim = vi.fn(async () => 0);
    const cancel = rule.apply('dj-1', claim);
    cancel();
    await later.runAll();
    expect(claim).not.toHaveBeenCalled();
  });
});

describe('the owner rule on a device with no downloaded audio', () => {
  it('waits for the end of start-up even for another member (nothing could play), and taps wait only for the check', async () => {
    const storage = memoryStorage({ [OWNER_STORAGE_KEY]: 'dj-1' });
    const later = deferred();
    const rule = createOwnerRule({ storage: () => storage, schedule: later.schedule, hasDownloads: async () => false });
    const claim = vi.fn(async () => 0);

    rule.apply('dj-2', claim);
    const gate = rule.gate();
    expect(gate).not.toBeNull(); // until the check has answered
    await gate;
    expect(rule.gate()).toBeNull();
    expect(claim).not.toHaveBeenCalled();
    expect(later.pending()).toBe(1);
    await later.runAll();
    expect(claim).toHaveBeenCalledWith('dj-2');
    expect(storage.items.get(OWNER_STORAGE_KEY)).toBe('dj-2');
  });

  it('claims at once when the check fails', async () => {
    const rule = createOwnerRule({ storage: () => memoryStorage(), schedule: deferred().schedule, hasDownloads: async () => Promise.reject(new Error('no caches')) });
    const claim = vi.fn(async () => 0);
    rule.apply('dj-1', claim);
    await rule.gate();
    expect(claim).toHaveBeenCalledWith('dj-1');
  });
});
