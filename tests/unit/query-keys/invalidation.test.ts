// Each mutation, run for real against a QueryClient seeded with one query of every kind, must mark
// stale exactly the queries its change affects, and nothing else.
import { MutationObserver, QueryClient, type QueryKey } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Playlist, Track, User } from '@/lib/domain/types';
import { invalidationsFor } from '@/lib/query/invalidation';
import { catalogueKeys, meKeys, playlistKeys, ratingKeys, trackKeys, userKeys, vipKeys } from '@/lib/query/keys';
import { createPlaylistMutationOptions, deletePlaylistMutationOptions, updatePlaylistMutationOptions } from '@/lib/query/playlists';
import { updateProfileMutationOptions } from '@/lib/query/profile';
import { rateTrackMutationOptions, type TrackRating } from '@/lib/query/ratings';
import { syntheticTracks } from '../search/support/synthetic-tracks';

const [trackA, trackB] = syntheticTracks(2);
const playlist = (id: string, name = id): Playlist => ({
  id, name, ownerId: 'me', trackIds: [], isPublic: false, coverUrl: null, createdAt: '', updatedAt: '',
});
const listFilters = (sort: 'newest' | 'downloads' | 'rating') => ({ sort, pageSize: 50 });

/** One seeded query per kind a mutation could touch, named for the assertions. */
const SEEDED: Record<string, { key: QueryKey; data: unknown }> = {
  'track A': { key: trackKeys.detail(trackA!.id), data: trackA },
  'track B': { key: trackKeys.detail(trackB!.id), data: trackB },
  'rating A': { key: ratingKeys.track(trackA!.id), data: { myRating: null, averageRating: 4, ratingCount: 1 } },
  'rating B': { key: ratingKeys.track(trackB!.id), data: { myRating: null, averageRating: 3, ratingCount: 2 } },
  'list newest': { key: trackKeys.list(listFilters('newest')), data: { pages: [], pageParams: [] } },
  'list downloads': { key: trackKeys.list(listFilters('downloads')), data: { pages: [], pageParams: [] } },
  'list rating': { key: trackKeys.list(listFilters('rating')), data: { pages: [], pageParams: [] } },
  'list rating techno': { key: trackKeys.list({ ...listFilters('rating'), genre: 'Techno' }), data: { pages: [], pageParams: [] } },
  catalogue: { key: catalogueKeys.all, data: { tracks: [trackA, trackB], generatedAt: '' } },
  playlists: { key: playlistKeys.lists(), data: [playlist('p1'), playlist('p2')] },
  'playlist p1': { key: playlistKeys.detail('p1'), data: playlist('p1') },
  'playlist p2': { key: playlistKeys.detail('p2'), data: playlist('p2') },
  vip: { key: vipKeys.all, data: { tracks: [], unlockedTrackIds: [], blackDiamonds: 0 } },
  me: { key: meKeys.all, data: { id: 'me', fullName: 'Me' } },
  'user me': { key: userKeys.detail('me'), data: { id: 'me' } },
  'user other': { key: userKeys.detail('other'), data: { id: 'other' } },
};

let client: QueryClient;
let answer: { status: number; body: unknown };

beforeEach(() => {
  client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false }, mutations: { retry: false } } });
  for (const { key, data } of Object.values(SEEDED)) client.setQueryData(key, data);
  vi.stubGlobal('fetch', vi.fn(async () => new Response(answer.status === 204 ? null : JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json' } })));
  vi.stubGlobal('window', { dispatchEvent: () => true });
});

afterEach(() => {
  vi.unstubAllGlobals();
  client.clear();
});

function invalidated(): string[] {
  return Object.entries(SEEDED)
    .filter(([, { key }]) => client.getQueryState(key)?.isInvalidated)
    .map(([name]) => name)
    .sort();
}

function removed(): string[] {
  return Object.entries(SEEDED).filter(([, { key }]) => client.getQueryState(key) === undefined).map(([name]) => name);
}

async function run<TData, TVariables>(options: ConstructorParameters<typeof MutationObserver<TData, Error, TVariables, unknown>>[1], variables: TVariables) {
  return new MutationObserver<TData, Error, TVariables, unknown>(client, options).mutate(variables);
}

describe('selective invalidation', () => {
  it('rating a track: that track, its rating, and server lists sorted by rating; the catalogue is patched, not refetched', async () => {
    const rating: TrackRating = { myRating: 5, averageRating: 4.5, ratingCount: 2 };
    answer = { status: 200, body: rating };
    await run(rateTrackMutationOptions(client, trackA!.id) as never, 5);
    expect(invalidated()).toEqual(['list rating', 'list rating techno', 'rating A', 'track A']);
    const catalogue = client.getQueryData<{ tracks: Track[] }>(catalogueKeys.all)!;
    expect(catalogue.tracks.find((t) => t.id === trackA!.id)).toMatchObject({ averageRating: 4.5, ratingCount: 2 });
    expect(client.getQueryData<Track>(trackKeys.detail(trackA!.id))).toMatchObject({ averageRating: 4.5, ratingCount: 2 });
  });

  it('a failed rating rolls the optimistic stars back and invalidates nothing', async () => {
    answer = { status: 422, body: { error: { code: 'invalid_input', message: 'no' } } };
    const before = client.getQueryData(ratingKeys.track(trackA!.id));
    const observer = new MutationObserver(client, rateTrackMutationOptions(client, trackA!.id));
    const seen: unknown[] = [];
    const unsubscribe = client.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.query.queryKey[0] === 'ratings') seen.push(event.query.state.data);
    });
    await expect(observer.mutate(3)).rejects.toThrow('no');
    unsubscribe();
    expect(seen[0]).toEqual({ myRating: 3, averageRating: 3.5, ratingCount: 2 }); // optimistic
    expect(client.getQueryData(ratingKeys.track(trackA!.id))).toEqual(before); // rolled back
    expect(invalidated()).toEqual([]);
  });

  it('creating a playlist: the playlists list only', async () => {
    answer = { status: 201, body: playlist('p3', 'Warm-up') };
    await run(createPlaylistMutationOptions(client) as never, { name: 'Warm-up' });
    expect(invalidated()).toEqual(['playlists']);
    expect(client.getQueryData(playlistKeys.detail('p3'))).toMatchObject({ name: 'Warm-up' });
  });

  it('renaming (or reordering, or toggling) a playlist: that playlist and the list', async () => {
    answer = { status: 200, body: playlist('p1', 'Peak time') };
    await run(updatePlaylistMutationOptions(client, 'p1') as never, { name: 'Peak time' });
    expect(invalidated()).toEqual(['playlist p1', 'playlists']);
  });

  it('deleting a playlist: drops it and invalidates the list', async () => {
    answer = { status: 204, body: null };
    await run(deletePlaylistMutationOptions(client) as never, 'p2');
    expect(invalidated()).toEqual(['playlists']);
    expect(removed()).toEqual(['playlist p2']);
    expect(client.getQueryData<Playlist[]>(playlistKeys.lists())?.map((p) => p.id)).toEqual(['p1']);
  });

  it('editing the profile: me and my public profile, not other members or tracks', async () => {
    answer = { status: 200, body: { id: 'me', fullName: 'New name' } satisfies Partial<User> };
    await run(updateProfileMutationOptions(client) as never, { fullName: 'New name' });
    expect(invalidated()).toEqual(['me', 'user me']);
  });

  it('every change kind is mapped (the mapping is exhaustive and non-empty)', () => {
    const kinds = [
      { type: 'track-rated', trackId: 'x' },
      { type: 'playlist-created', playlistId: 'x' },
      { type: 'playlist-updated', playlistId: 'x' },
      { type: 'playlist-deleted', playlistId: 'x' },
      { type: 'profile-updated', userId: 'x' },
    ] as const;
    for (const change of kinds) expect(invalidationsFor(change).length).toBeGreaterThan(0);
  });
});
