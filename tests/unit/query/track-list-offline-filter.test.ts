import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { trackListQuerySchema } from '@/lib/domain/track-query';
import { trackKeys } from '@/lib/query/keys';
import { trackListOptions } from '@/lib/query/tracks';

afterEach(() => vi.unstubAllGlobals());

describe('"Available offline" and the server', () => {
  it('is never sent: the server query and its cache key are those without it', async () => {
    const asked: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      asked.push(url);
      return new Response(JSON.stringify({ items: [], page: 1, pageSize: 50, total: 0 }), { status: 200, headers: { 'content-type': 'application/json' } });
    });
    const options = trackListOptions({ sort: 'newest', pageSize: 50, genre: 'Techno', offlineOnly: true });
    expect(options.queryKey).toEqual(trackKeys.list({ sort: 'newest', pageSize: 50, genre: 'Techno' }));
    await new QueryClient().fetchInfiniteQuery(options);
    expect(asked).toHaveLength(1);
    const query = Object.fromEntries(new URL(asked[0]!, 'http://console').searchParams);
    expect(query).not.toHaveProperty('offlineOnly');
    expect(trackListQuerySchema.safeParse(query).success).toBe(true); // the strict schema accepts it
  });
});
