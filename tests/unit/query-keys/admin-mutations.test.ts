// The review desk's optimistic decisions, run for real against a QueryClient: the track leaves
// the queue at once, comes back when the server refuses, and the right queries go stale.
import { MutationObserver, QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AdminUserPage, ReviewQueue } from '@/lib/domain/admin';
import { decideMutationOptions, grantDiamondsMutationOptions, trackVipMutationOptions } from '@/lib/query/admin';
import { adminKeys, catalogueKeys, playlistKeys, trackKeys } from '@/lib/query/keys';
import { syntheticTracks } from '../search/support/synthetic-tracks';

const [a, b, c] = syntheticTracks(3).map((t) => ({ ...t, status: 'pending' as const }));
let client: QueryClient;
let answer: { status: number; body: unknown };
let release: () => void = () => undefined;

beforeEach(() => {
  client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false }, mutations: { retry: false } } });
  client.setQueryData<ReviewQueue>(adminKeys.reviewQueue(), { tracks: [a!, b!, c!] });
  client.setQueryData(catalogueKeys.all, { tracks: [], generatedAt: '' });
  client.setQueryData(playlistKeys.lists(), []);
  vi.stubGlobal('fetch', vi.fn(async () => {
    // Held until the test has looked at the optimistic state.
    await new Promise<void>((resolve) => { release = resolve; });
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json' } });
  }));
  vi.stubGlobal('window', { dispatchEvent: () => true });
});

afterEach(() => {
  vi.unstubAllGlobals();
  client.clear();
});

const queueIds = () => client.getQueryData<ReviewQueue>(adminKeys.reviewQueue())?.tracks.map((t) => t.id);
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('approve / reject', () => {
  it('removes the track at once and keeps it out once the server agrees; the catalogue goes stale', async () => {
    answer = { status: 200, body: { track: { ...b, status: 'approved' }, notified: true } };
    const observer = new MutationObserver(client, decideMutationOptions(client));
    const done = observer.mutate({ trackId: b!.id, decision: { kind: 'approve' } });
    await flush();
    expect(queueIds()).toEqual([a!.id, c!.id]);
    release();
    await done;
    expect(queueIds()).toEqual([a!.id, c!.id]);
    expect(client.getQueryState(catalogueKeys.all)?.isInvalidated).toBe(true);
    expect(client.getQueryState(playlistKeys.lists())?.isInvalidated).toBe(false);
    expect(JSON.parse(String(vi.mocked(fetch).mock.calls[0]![1]!.body))).toEqual({});
  });

  it('puts the track back in its place when the server refuses, and says why', async () => {
    answer = { status: 403, body: { error: { code: 'forbidden', message: 'Only administrators can do this' } } };
    const observer = new MutationObserver(client, decideMutationOptions(client));
    const done = observer.mutate({ trackId: b!.id, decision: { kind: 'reject', reason: 'Clipping' } });
    await flush();
    expect(queueIds()).toEqual([a!.id, c!.id]);
    release();
    await expect(done).rejects.toThrow('Only administrators can do this');
    expect(queueIds()).toEqual([a!.id, b!.id, c!.id]);
    const [url, init] = vi.mocked(fetch).mock.calls[0]!;
    expect(url).toBe(`/api/admin/tracks/${b!.id}/reject`);
    expect(JSON.parse(String(init!.body))).toEqual({ reason: 'Clipping' });
  });
});

describe('VIP', () => {
  it('shows the new window at once and undoes it when refused', async () => {
    answer = { status: 400, body: { error: { code: 'invalid_input', message: 'The end must be within the track (30 s)' } } };
    const observer = new MutationObserver(client, trackVipMutationOptions(client));
    const done = observer.mutate({ trackId: a!.id, input: { isVip: true, preview: { startSeconds: 0, endSeconds: 60 } } });
    await flush();
    expect(client.getQueryData<ReviewQueue>(adminKeys.reviewQueue())?.tracks[0]).toMatchObject({ isVip: true, vipPreview: { endSeconds: 60 } });
    release();
    await expect(done).rejects.toThrow('within the track');
    expect(client.getQueryData<ReviewQueue>(adminKeys.reviewQueue())?.tracks[0]).toMatchObject({ isVip: a!.isVip, vipPreview: a!.vipPreview });
  });
});

describe('grants', () => {
  it('writes the balance the server answered into every member list', async () => {
    const page: AdminUserPage = {
      items: [{ id: 'u1', email: 'u1@x.test', fullName: 'U1', artistName: null, role: 'user', userType: 'dj', blackDiamonds: 2, createdAt: '' }],
      total: 1, page: 1, pageSize: 50,
    };
    client.setQueryData(adminKeys.users({ page: 1 }), page);
    client.setQueryData(adminKeys.users({ page: 1, search: 'u' }), page);
    answer = { status: 200, body: { userId: 'u1', amount: 5, blackDiamonds: 7, notified: true } };
    const observer = new MutationObserver(client, grantDiamondsMutationOptions(client));
    const done = observer.mutate({ userId: 'u1', amount: 5 });
    await flush();
    release();
    await done;
    for (const filters of [{ page: 1 }, { page: 1, search: 'u' }]) {
      expect(client.getQueryData<AdminUserPage>(adminKeys.users(filters))?.items[0]?.blackDiamonds).toBe(7);
    }
    expect(client.getQueryState(trackKeys.lists())).toBeUndefined();
  });
});
