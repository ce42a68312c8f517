// What each write makes stale, in one place. Every mutation calls `invalidateAfter` with the change
// it made; nothing else invalidates. The rule: mark stale only the queries whose answer the write
// can change, so a rating never refetches playlists and a rename never refetches the catalogue.
import type { InvalidateQueryFilters, QueryClient } from '@tanstack/react-query';
import type { TrackListQuery } from '@/lib/domain/track-query';
import { adminKeys, catalogueKeys, meKeys, myTrackKeys, playlistKeys, ratingKeys, statsKeys, trackKeys, userKeys, vipKeys } from './keys';

export type Change =
  /** The member rated a track: its average and count moved. */
  | { type: 'track-rated'; trackId: string }
  | { type: 'playlist-created'; playlistId: string }
  /** Name, visibility or tracks (add, remove, reorder) of one playlist. */
  | { type: 'playlist-updated'; playlistId: string }
  | { type: 'playlist-deleted'; playlistId: string }
  | { type: 'profile-updated'; userId: string }
  /** The member unlocked a VIP track (or was refused one): their unlocks and balance moved. */
  | { type: 'vip-unlocked'; trackId: string }
  /** A producer created, edited or deleted one of their own tracks. */
  | { type: 'my-tracks-changed'; trackId?: string }
  /** An admin approved or rejected a track, or changed its VIP status or preview window. */
  | { type: 'track-reviewed'; trackId: string }
  /** An admin granted a member Black Diamonds. */
  | { type: 'diamonds-granted'; userId: string };

type ListKey = ReturnType<typeof trackKeys.list>;

/** The query filters a change invalidates. */
export function invalidationsFor(change: Change): InvalidateQueryFilters[] {
  switch (change.type) {
    case 'track-rated':
      return [
        { queryKey: trackKeys.detail(change.trackId), exact: true },
        { queryKey: ratingKeys.track(change.trackId), exact: true },
        // Only the server pages ordered by rating can change order; the others show no rating.
        // The catalogue is not refetched (50 000 tracks for one number): ratings.ts patches it.
        {
          queryKey: trackKeys.lists(),
          predicate: (query) => (query.queryKey as ListKey)[2]?.sort === ('rating' satisfies TrackListQuery['sort']),
        },
      ];
    case 'playlist-created':
      return [{ queryKey: playlistKeys.lists(), exact: true }];
    case 'playlist-updated':
      return [
        { queryKey: playlistKeys.detail(change.playlistId), exact: true },
        { queryKey: playlistKeys.lists(), exact: true },
      ];
    case 'playlist-deleted':
      return [{ queryKey: playlistKeys.lists(), exact: true }];
    case 'profile-updated':
      return [
        { queryKey: meKeys.all, exact: true },
        { queryKey: userKeys.detail(change.userId), exact: true },
      ];
    case 'track-reviewed':
    case 'diamonds-granted':
      return adminInvalidations(change);
    case 'vip-unlocked':
      // The overview (unlocked ids, balance) and the member's own profile (balance) only: the
      // track itself, its lists and the catalogue do not change when someone unlocks it.
      return [
        { queryKey: vipKeys.all, exact: true },
        { queryKey: meKeys.all, exact: true },
      ];
    case 'my-tracks-changed':
      // An edited or deleted approved track changes the promo pool too; a new one is pending.
      return [
        { queryKey: myTrackKeys.all },
        { queryKey: statsKeys.all },
        ...(change.trackId
          ? [{ queryKey: trackKeys.detail(change.trackId), exact: true }, { queryKey: catalogueKeys.all, exact: true }, { queryKey: trackKeys.lists() }]
          : []),
      ];
  }
}

function adminInvalidations(change: Extract<Change, { type: 'track-reviewed' | 'diamonds-granted' }>): InvalidateQueryFilters[] {
  if (change.type === 'diamonds-granted') return [{ queryKey: adminKeys.userLists() }];
  // The promo pool gains (or keeps out) the track: its lists, the catalogue and its page move.
  return [
    { queryKey: adminKeys.reviewQueue(), exact: true },
    { queryKey: catalogueKeys.all, exact: true },
    { queryKey: trackKeys.lists() },
    { queryKey: trackKeys.detail(change.trackId), exact: true },
    { queryKey: vipKeys.all, exact: true },
    { queryKey: statsKeys.all },
  ];
}

export async function invalidateAfter(queryClient: QueryClient, change: Change): Promise<void> {
  if (change.type === 'playlist-deleted') {
    // A deleted playlist has nothing to refetch: drop it (a refetch would only 404).
    queryClient.removeQueries({ queryKey: playlistKeys.detail(change.playlistId), exact: true });
  }
  await Promise.all(invalidationsFor(change).map((filters) => queryClient.invalidateQueries(filters)));
}
