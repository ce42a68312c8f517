import { describe, expect, it } from 'vitest';
import { createDownloadedIndex } from '@/lib/sw/downloaded-index';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('the worker index of downloaded tracks', () => {
  it('is unknown until read, then tells downloaded tracks from the others', async () => {
    const listing = deferred<string[]>();
    const index = createDownloadedIndex(() => listing.promise);
    const reading = index.refresh();
    expect(index.has('a')).toBeNull();
    listing.resolve(['a', 'b']);
    await reading;
    expect(index.has('a')).toBe(true);
    expect(index.has('c')).toBe(false);
  });

  it('is unknown again while re-read, so a track stored meanwhile is never taken for "not downloaded"', async () => {
    const stored = ['a'];
    const next = deferred<void>();
    let calls = 0;
    const index = createDownloadedIndex(async () => {
      calls += 1;
      if (calls === 2) await next.promise;
      return [...stored];
    });
    await index.refresh();
    expect(index.has('b')).toBe(false);
    stored.push('b');
    const reading = index.refresh();
    expect(index.has('b')).toBeNull();
    expect(index.has('a')).toBeNull();
    next.resolve();
    await reading;
    expect(index.has('b')).toBe(true);
  });

  it('keeps the newest listing when two reads overlap', async () => {
    const first = deferred<string[]>();
    const second = deferred<string[]>();
    const listings = [first.promise, second.promise];
    const index = createDownloadedIndex(() => listings.shift()!);
    const older = index.refresh();
    const newer = index.refresh();
    second.resolve(['x']);
    await newer;
    first.resolve([]); // the older listing, from before 'x' was stored, arrives last
    await older;
    expect(index.has('x')).toBe(true);
  });

  it('stays unknown when the listing fails (every request is looked up)', async () => {
    const index = createDownloadedIndex(async () => {
      throw new Error('cache storage unavailable');
    });
    await index.refresh();
    expect(index.has('a')).toBeNull();
  });
});
