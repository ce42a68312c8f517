import { describe, expect, it } from 'vitest';
import { StaleIfErrorCache } from '@/lib/base44/cache';

function cache(overrides: { maxEntries?: number; maxBytes?: number } = {}) {
  const clock = { now: 0 };
  const store = new StaleIfErrorCache({
    maxEntries: 3,
    maxBytes: 10_000,
    freshMs: 60_000,
    staleIfErrorMs: 600_000,
    now: () => clock.now,
    ...overrides,
  });
  return { store, clock, put: (key: string, value: unknown = key) => store.set(key, value, 'tracks', store.generation('tracks')) };
}

describe('StaleIfErrorCache', () => {
  it('is fresh for freshMs, stale until staleIfErrorMs, then gone', () => {
    const { store, clock, put } = cache();
    put('a');
    clock.now = 60_000;
    expect(store.get('a')).toEqual({ value: 'a', ageMs: 60_000, fresh: true });
    clock.now = 60_001;
    expect(store.get('a')?.fresh).toBe(false);
    clock.now = 600_001;
    expect(store.get('a')).toBeUndefined();
  });

  it('evicts the least recently used entry past maxEntries', () => {
    const { store, put } = cache();
    put('a');
    put('b');
    put('c');
    store.get('a');
    put('d');
    expect(['a', 'b', 'c', 'd'].map((k) => store.get(k) !== undefined)).toEqual([true, false, true, true]);
  });

  it('evicts past maxBytes and refuses a value bigger than the whole cache', () => {
    const { store, put } = cache({ maxEntries: 100, maxBytes: 1_000 });
    put('a', 'x'.repeat(200)); // ~400 bytes as UTF-16
    put('b', 'x'.repeat(200));
    put('c', 'x'.repeat(200));
    expect(store.get('a')).toBeUndefined();
    expect(store.get('c')).toBeDefined();
    put('huge', 'x'.repeat(1_000));
    expect(store.get('huge')).toBeUndefined();
    expect(store.get('c')).toBeDefined();
  });

  it('turns a tag\'s entries stale on invalidation, and stores a read that raced a write as stale', () => {
    const { store, put } = cache();
    put('a');
    const before = store.generation('tracks');
    store.invalidateTag('tracks');
    expect(store.get('a')).toMatchObject({ value: 'a', fresh: false });
    store.set('b', 'b', 'tracks', before);
    expect(store.get('b')?.fresh).toBe(false);
    put('c');
    expect(store.get('c')?.fresh).toBe(true);
  });
});
