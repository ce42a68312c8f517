// The unlock mutation on the client: the answer goes into the VIP overview and the profile at
// once, and ONLY those two queries are invalidated (nothing about tracks, lists or playlists).
import { MutationObserver, QueryClient, type QueryKey } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { VipOverview } from '@/lib/domain/types';
import { invalidationsFor } from '@/lib/query/invalidation';
import { catalogueKeys, meKeys, playlistKeys, ratingKeys, trackKeys, userKeys, vipKeys } from '@/lib/query/keys';
import { isLockedVip, unlockVipTrackMutationOptions, type VipUnlock } from '@/lib/query/vip-unlock';

const SEEDED: Record<string, { key: QueryKey; data: unknown }> = {
  track: { key: trackKeys.detail('vip-1'), data: { id: 'vip-1', isVip: true } },
  rating: { key: ratingKeys.track('vip-1'), data: { myRating: null, averageRating: null, ratingCount: 0 } },
  list: { key: trackKeys.list({ sort: 'newest', pageSize: 50 }), data: { pages: [], pageParams: [] } },
  catalogue: { key: catalogueKeys.all, data: { tracks: [], generatedAt: '' } },
  playlists: { key: playlistKeys.lists(), data: [] },
  vip: { key: vipKeys.all, data: { tracks: [], unlockedTrackIds: ['old'], blackDiamonds: 3 } satisfies VipOverview },
  me: { key: meKeys.all, data: { id: 'me', blackDiamonds: 3 } },
  'user me': { key: userKeys.detail('me'), data: { id: 'me' } },
};

let client: QueryClient;
let answer: { status: number; body: unknown };
let calls: Array<{ url: string; init: RequestInit }>;

beforeEach(() => {
  client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  for (const { key, data } of Object.values(SEEDED)) client.setQueryData(key, data);
  calls = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json' } });
  }));
  vi.stubGlobal('window', { dispatchEvent: () => true });
});
afterEach(() => {
  vi.unstubAllGlobals();
  client.clear();
});

const invalidated = () =>
  Object.entries(SEEDED)
    .filter(([, { key }]) => client.getQueryState(key)?.isInvalidated)
    .map(([name]) => name)
    .sort();

const unlock = () => new MutationObserver(client, unlockVipTrackMutationOptions(client, 'vip-1')).mutate();

describe('unlocking a VIP track (client)', () => {
  it('POSTs {} as JSON, writes the balance and the unlock in, and invalidates only VIP and me', async () => {
    const result: VipUnlock = { purchase: { id: 'p', userId: 'me', trackId: 'vip-1', amount: 1, purchasedAt: '' }, blackDiamonds: 2, alreadyUnlocked: false };
    answer = { status: 200, body: result };
    await unlock();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe('/api/vip/vip-1/unlock');
    expect(calls[0]!.init).toMatchObject({ method: 'POST', body: '{}' });
    expect(new Headers(calls[0]!.init.headers).get('content-type')).toBe('application/json');
    expect(client.getQueryData<VipOverview>(vipKeys.all)).toEqual({ tracks: [], unlockedTrackIds: ['old', 'vip-1'], blackDiamonds: 2 });
    expect(client.getQueryData(meKeys.all)).toEqual({ id: 'me', blackDiamonds: 2 });
    expect(invalidated()).toEqual(['me', 'vip']);
  });

  it('refused for the balance: the error says why, VIP and me are read again, nothing else', async () => {
    answer = { status: 402, body: { error: { code: 'insufficient_diamonds', message: 'Not enough Black Diamonds: unlocking a VIP track costs 1.' } } };
    await expect(unlock()).rejects.toMatchObject({ code: 'insufficient_diamonds', status: 402, message: expect.stringMatching(/^Not enough Black Diamonds/) });
    expect(client.getQueryData<VipOverview>(vipKeys.all)?.unlockedTrackIds).toEqual(['old']);
    expect(invalidated()).toEqual(['me', 'vip']);
  });

  it('other failures change nothing and invalidate nothing', async () => {
    answer = { status: 409, body: { error: { code: 'conflict', message: 'Only approved VIP tracks can be unlocked.' } } };
    await expect(unlock()).rejects.toThrow('Only approved VIP tracks');
    expect(invalidated()).toEqual([]);
  });

  it('maps the vip-unlocked change to exactly the VIP overview and the own profile', () => {
    expect(invalidationsFor({ type: 'vip-unlocked', trackId: 'x' })).toEqual([
      { queryKey: vipKeys.all, exact: true },
      { queryKey: meKeys.all, exact: true },
    ]);
  });

  it('treats a VIP track as locked until the overview lists its unlock', () => {
    expect(isLockedVip({ id: 'a', isVip: true }, undefined)).toBe(true);
    expect(isLockedVip({ id: 'a', isVip: true }, { unlockedTrackIds: ['b'] })).toBe(true);
    expect(isLockedVip({ id: 'a', isVip: true }, { unlockedTrackIds: ['a'] })).toBe(false);
    expect(isLockedVip({ id: 'a', isVip: false }, undefined)).toBe(false);
  });
});
