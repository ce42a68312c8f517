import { describe, expect, it } from 'vitest';
import { QueryObserver } from '@tanstack/react-query';
import { formatAge, parseSummary, summarizeQueries } from '@/components/status/data-age';
import { newClient } from './support';

describe('the offline banner summary', () => {
  it('reports the oldest data on screen, and a failed refresh only for queries on screen', async () => {
    const client = newClient();
    const now = Date.now();
    client.setQueryData(['a'], 1, { updatedAt: now - 12 * 60_000 });
    client.setQueryData(['b'], 2, { updatedAt: now - 3 * 60_000 });
    client.setQueryData(['hidden'], 3, { updatedAt: now - 60 * 60_000 });
    const cache = client.getQueryCache();
    // Nothing on screen: fall back to the oldest data in the cache (what was restored).
    expect(parseSummary(summarizeQueries(cache.getAll()))).toEqual({ oldest: now - 60 * 60_000, refreshFailed: false });

    const stops = [['a'], ['b']].map((queryKey) =>
      new QueryObserver(client, { queryKey, queryFn: () => Promise.reject(new Error('down')), retry: false, staleTime: Infinity }).subscribe(() => {}),
    );
    expect(parseSummary(summarizeQueries(cache.getAll()))).toEqual({ oldest: now - 12 * 60_000, refreshFailed: false });

    await client.refetchQueries({ queryKey: ['b'] });
    expect(parseSummary(summarizeQueries(cache.getAll()))).toEqual({ oldest: now - 12 * 60_000, refreshFailed: true });
    stops.forEach((stop) => stop());
  });

  it('is empty for an empty cache', () => {
    expect(parseSummary(summarizeQueries([]))).toEqual({ oldest: null, refreshFailed: false });
  });

  it('formats ages in words a DJ reads at a glance', () => {
    expect(formatAge(20_000)).toBe('less than a minute ago');
    expect(formatAge(12 * 60_000 + 5_000)).toBe('12 min ago');
    expect(formatAge(5 * 3_600_000)).toBe('5 h ago');
    expect(formatAge(26 * 3_600_000)).toBe('1 day ago');
    expect(formatAge(3 * 86_400_000)).toBe('3 days ago');
  });
});
