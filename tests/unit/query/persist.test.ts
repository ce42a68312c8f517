import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hashKey } from '@tanstack/react-query';
import { ApiClientError } from '@/lib/api/client';
import { clearPersistedQueryCache } from '@/lib/query/persist';
import { freshDb, open, storedHashes, track } from './support';

const DAY = 24 * 60 * 60 * 1000;
const stops: Array<() => void> = [];
afterEach(() => {
  while (stops.length) stops.pop()!();
  vi.restoreAllMocks();
});

async function session(...args: Parameters<typeof open>) {
  const opened = await open(...args);
  stops.push(opened.persistence.stop);
  return opened;
}

describe('the IndexedDB query persister', () => {
  it('restores what was persisted into a new QueryClient, as fresh successful data', async () => {
    const db = freshDb();
    const a = await session(db, 'dj-1');
    await a.queryClient.fetchQuery({ queryKey: ['tracks', 'detail', 't1'], queryFn: () => track('t1') });
    a.queryClient.setQueryData(['me'], { id: 'dj-1', fullName: 'DJ One' });
    await a.persistence.flush();
    const savedAt = a.queryClient.getQueryState(['tracks', 'detail', 't1'])!.dataUpdatedAt;
    a.persistence.stop();

    const b = await session(db, 'dj-1');
    expect(b.queryClient.getQueryData(['tracks', 'detail', 't1'])).toEqual(track('t1'));
    expect(b.queryClient.getQueryData(['me'])).toEqual({ id: 'dj-1', fullName: 'DJ One' });
    const state = b.queryClient.getQueryState(['tracks', 'detail', 't1'])!;
    expect(state).toMatchObject({ status: 'success', fetchStatus: 'idle', dataUpdatedAt: savedAt });
  });

  it('restores infinite queries as infinite queries (pages and pageParams)', async () => {
    const db = freshDb();
    const a = await session(db, 'dj-1');
    const key = ['tracks', 'list', { genre: 'Techno' }];
    await a.queryClient.fetchInfiniteQuery({
      queryKey: key,
      queryFn: ({ pageParam }: { pageParam: number }) => ({ items: [track(`p${pageParam}`)], page: pageParam }),
      initialPageParam: 1,
      getNextPageParam: () => undefined,
    });
    await a.persistence.flush();
    a.persistence.stop();

    const b = await session(db, 'dj-1');
    expect(b.queryClient.getQueryData(key)).toEqual({ pages: [{ items: [track('p1')], page: 1 }], pageParams: [1] });
  });

  it('writes only the query that changed', async () => {
    const db = freshDb();
    const a = await session(db, 'dj-1');
    for (const id of ['t1', 't2', 't3']) a.queryClient.setQueryData(['tracks', 'detail', id], track(id));
    await a.persistence.flush();
    const bulkPut = vi.spyOn(db.queryCache, 'bulkPut');
    const bookkeeping = vi.spyOn(db.queryClients, 'put');

    a.queryClient.setQueryData(['tracks', 'detail', 't2'], { ...track('t2'), bpm: 130 });
    await a.persistence.flush();
    expect(bulkPut).toHaveBeenCalledTimes(1);
    expect(bulkPut.mock.calls[0]![0].map((row) => row.queryHash)).toEqual([hashKey(['tracks', 'detail', 't2'])]);
    expect(bookkeeping).not.toHaveBeenCalled();

    // Cache events that do not change data (a fetch starting, an observer) write nothing.
    await a.queryClient.prefetchQuery({ queryKey: ['tracks', 'detail', 't1'], queryFn: () => track('t1'), staleTime: Infinity });
    await a.persistence.flush();
    expect(bulkPut).toHaveBeenCalledTimes(1);
  });

  it('writes the first change after a quiet spell at once, and coalesces the ones that follow', async () => {
    const db = freshDb();
    const a = await session(db, 'dj-1', { throttleMs: 400 });
    await new Promise((resolve) => setTimeout(resolve, 450));
    a.queryClient.setQueryData(['catalogue'], [track('t1')]);
    await vi.waitFor(async () => expect(await storedHashes(db, 'dj-1')).toEqual([hashKey(['catalogue'])]), { timeout: 100, interval: 5 });
    a.queryClient.setQueryData(['me'], { id: 'dj-1' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await storedHashes(db, 'dj-1')).toEqual([hashKey(['catalogue'])]);
    await vi.waitFor(async () => expect(await storedHashes(db, 'dj-1')).toHaveLength(2), { timeout: 1000, interval: 20 });
  });

  it('removes a query from IndexedDB when it leaves the memory cache', async () => {
    const db = freshDb();
    const a = await session(db, 'dj-1');
    a.queryClient.setQueryData(['tracks', 'detail', 't1'], track('t1'));
    a.queryClient.setQueryData(['tracks', 'detail', 't2'], track('t2'));
    await a.persistence.flush();
    a.queryClient.removeQueries({ queryKey: ['tracks', 'detail', 't1'] });
    await a.persistence.flush();
    expect(await storedHashes(db)).toEqual([hashKey(['tracks', 'detail', 't2'])]);
  });

  it('restores nothing, and deletes the rows, when the buster differs', async () => {
    const db = freshDb();
    const a = await session(db, 'dj-1', { buster: 'schema-1|app-0.1.0' });
    a.queryClient.setQueryData(['me'], { id: 'dj-1' });
    await a.persistence.flush();
    a.persistence.stop();

    const same = await session(db, 'dj-1', { buster: 'schema-1|app-0.1.0' });
    expect(same.queryClient.getQueryData(['me'])).toEqual({ id: 'dj-1' });
    same.persistence.stop();

    const next = await session(db, 'dj-1', { buster: 'schema-2|app-0.1.0' });
    expect(next.queryClient.getQueryData(['me'])).toBeUndefined();
    expect(await storedHashes(db)).toEqual([]);
  });

  it('drops queries older than maxAge and keeps the younger ones', async () => {
    const db = freshDb();
    const a = await session(db, 'dj-1');
    a.queryClient.setQueryData(['tracks', 'detail', 'old'], track('old'), { updatedAt: Date.now() - 8 * DAY });
    a.queryClient.setQueryData(['tracks', 'detail', 'new'], track('new'), { updatedAt: Date.now() - 6 * DAY });
    await a.persistence.flush();
    a.persistence.stop();

    const b = await session(db, 'dj-1', { maxAge: 7 * DAY });
    expect(b.queryClient.getQueryData(['tracks', 'detail', 'old'])).toBeUndefined();
    expect(b.queryClient.getQueryData(['tracks', 'detail', 'new'])).toEqual(track('new'));
    expect(await storedHashes(db)).toEqual([hashKey(['tracks', 'detail', 'new'])]);
  });

  it('discards the whole client, bookkeeping included, when all of it is older than maxAge', async () => {
    const db = freshDb();
    const a = await session(db, 'dj-1');
    a.queryClient.setQueryData(['me'], { id: 'dj-1' }, { updatedAt: Date.now() - 9 * DAY });
    await a.persistence.flush();
    a.persistence.stop();
    await db.queryClients.update('dj-1', { timestamp: Date.now() - 9 * DAY });

    const b = await session(db, 'dj-1', { maxAge: 7 * DAY });
    expect(b.queryClient.getQueryData(['me'])).toBeUndefined();
    expect(await db.queryCache.count()).toBe(0);
    expect(await db.queryClients.count()).toBe(0);
  });

  it('keeps the last good data when a background refetch fails (TanStack #5112)', async () => {
    const db = freshDb();
    const a = await session(db, 'dj-1');
    const key = ['tracks', 'detail', 't1'];
    await a.queryClient.fetchQuery({ queryKey: key, queryFn: () => track('t1') });
    await a.persistence.flush();

    await a.queryClient
      .fetchQuery({ queryKey: key, queryFn: () => Promise.reject(new ApiClientError('upstream_unavailable', 'down', 503)), retry: false, staleTime: 0 })
      .catch(() => undefined);
    expect(a.queryClient.getQueryState(key)).toMatchObject({ status: 'error', data: track('t1') });
    // Any later save dehydrates the whole client: the failed query must still be part of it.
    a.queryClient.setQueryData(['me'], { id: 'dj-1' });
    await a.persistence.flush();
    expect(await storedHashes(db)).toEqual([hashKey(key), hashKey(['me'])].sort());
    a.persistence.stop();

    const b = await session(db, 'dj-1');
    expect(b.queryClient.getQueryState(key)).toMatchObject({ status: 'success', data: track('t1'), error: null });
  });

  it('never writes queries with meta.persist === false, nor session/auth keys', async () => {
    const db = freshDb();
    const a = await session(db, 'dj-1');
    await a.queryClient.fetchQuery({ queryKey: ['media', 'signed-url', 't1'], queryFn: () => 'https://signed', meta: { persist: false } });
    a.queryClient.setQueryData(['session'], { user: { id: 'dj-1' } });
    a.queryClient.setQueryData(['auth', 'csrf'], 'token');
    a.queryClient.setQueryData(['tracks', 'detail', 't1'], track('t1'));
    await a.persistence.flush();
    expect(await storedHashes(db)).toEqual([hashKey(['tracks', 'detail', 't1'])]);
  });

  it("does not restore one user's cache for another, and purges it", async () => {
    const db = freshDb();
    const a = await session(db, 'dj-a');
    a.queryClient.setQueryData(['me'], { id: 'dj-a' });
    await a.persistence.flush();
    a.persistence.stop();

    const b = await session(db, 'dj-b');
    expect(b.queryClient.getQueryData(['me'])).toBeUndefined();
    expect(await storedHashes(db, 'dj-a')).toEqual([]);
    b.queryClient.setQueryData(['me'], { id: 'dj-b' });
    await b.persistence.flush();
    expect(await db.queryCache.toArray()).toMatchObject([{ userId: 'dj-b', data: { id: 'dj-b' } }]);
  });

  it('is cleared on sign-out: rows deleted, memory emptied, later changes not written', async () => {
    const db = freshDb();
    const a = await session(db, 'dj-1');
    a.queryClient.setQueryData(['me'], { id: 'dj-1' });
    await a.persistence.flush();

    await clearPersistedQueryCache({ db });
    expect(await db.queryCache.count()).toBe(0);
    expect(await db.queryClients.count()).toBe(0);
    expect(a.queryClient.getQueryData(['me'])).toBeUndefined();

    a.queryClient.setQueryData(['me'], { id: 'dj-1', late: true });
    await a.persistence.flush();
    expect(await db.queryCache.count()).toBe(0);
  });

  it('reopens the database when the connection was lost', async () => {
    const db = freshDb();
    const a = await session(db, 'dj-1');
    db.close(); // as Safari does after backgrounding: further calls reject with DatabaseClosedError
    a.queryClient.setQueryData(['me'], { id: 'dj-1' });
    await a.persistence.flush();
    expect(db.isOpen()).toBe(true);
    expect(await storedHashes(db)).toEqual([hashKey(['me'])]);
  });

  it('lets rendering go on when IndexedDB never answers', async () => {
    const db = freshDb();
    vi.spyOn(db, 'transaction').mockImplementation(() => new Promise(() => {}) as never);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { startQueryPersistence } = await import('@/lib/query/persist');
    const persistence = startQueryPersistence({ queryClient: (await import('./support')).newClient(), userId: 'dj-1', db, restoreTimeoutMs: 50 });
    stops.push(persistence.stop);
    const started = performance.now();
    await persistence.restored;
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
