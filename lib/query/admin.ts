// The admin screens' data. Decisions are optimistic: the track leaves the queue at once and comes
// back (with the error shown) if the server refuses; the server is the judge either way.
import { keepPreviousData, mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api/client';
import type { AdminUserPage, GrantResult, ReviewQueue, ReviewResult, TrackVipInput, UserListQuery } from '@/lib/domain/admin';
import type { Track } from '@/lib/domain/types';
import { CACHE_DURATIONS } from './durations';
import { invalidateAfter } from './invalidation';
import { adminKeys } from './keys';

export function reviewQueueOptions() {
  return queryOptions({
    queryKey: adminKeys.reviewQueue(),
    queryFn: ({ signal }) => apiFetch<ReviewQueue>('/api/admin/review', { signal }),
    staleTime: CACHE_DURATIONS.short,
    // Work data for a desk, not for offline reading; never kept in IndexedDB.
    meta: { persist: false },
  });
}

export function userListOptions(filters: Omit<UserListQuery, 'page'> & { page: number }) {
  const params = new URLSearchParams({ page: String(filters.page) });
  if (filters.search) params.set('search', filters.search);
  if (filters.role) params.set('role', filters.role);
  return queryOptions({
    queryKey: adminKeys.users(filters),
    queryFn: ({ signal }) => apiFetch<AdminUserPage>(`/api/admin/users?${params}`, { signal }),
    staleTime: CACHE_DURATIONS.short,
    placeholderData: keepPreviousData,
    // Members' emails and balances stay in memory only.
    meta: { persist: false },
  });
}

export type Decision = { kind: 'approve' } | { kind: 'reject'; reason: string };

interface QueueSnapshot {
  previous: ReviewQueue | undefined;
}

const trackUrl = (trackId: string, action: string) => `/api/admin/tracks/${encodeURIComponent(trackId)}/${action}`;

/** After any decision or VIP change (done or refused): what DJs and the producer see may have moved. */
const afterTrackChange = (queryClient: QueryClient, trackId: string) => invalidateAfter(queryClient, { type: 'track-reviewed', trackId });

/** Approve or reject one pending track: it leaves the queue at once, and returns if refused. */
export function decideMutationOptions(queryClient: QueryClient) {
  return mutationOptions<ReviewResult, Error, { trackId: string; decision: Decision }, QueueSnapshot>({
    mutationFn: ({ trackId, decision }) =>
      decision.kind === 'approve'
        ? apiFetch<ReviewResult>(trackUrl(trackId, 'approve'), { method: 'POST', json: {} })
        : apiFetch<ReviewResult>(trackUrl(trackId, 'reject'), { method: 'POST', json: { reason: decision.reason } }),
    retry: false,
    onMutate: async ({ trackId }) => {
      await queryClient.cancelQueries({ queryKey: adminKeys.reviewQueue() });
      const previous = queryClient.getQueryData<ReviewQueue>(adminKeys.reviewQueue());
      queryClient.setQueryData<ReviewQueue>(adminKeys.reviewQueue(), (queue) =>
        queue ? { tracks: queue.tracks.filter((track) => track.id !== trackId) } : queue,
      );
      return { previous };
    },
    onError: (_error, _vars, context) => {
      // Put the track back where it was; a refetch then says what the server holds.
      if (context?.previous) queryClient.setQueryData(adminKeys.reviewQueue(), context.previous);
    },
    onSettled: (_data, _error, { trackId }) => afterTrackChange(queryClient, trackId),
  });
}

/** VIP status and preview window: shown at once on the queued track, undone if refused. */
export function trackVipMutationOptions(queryClient: QueryClient) {
  return mutationOptions<Track, Error, { trackId: string; input: TrackVipInput }, QueueSnapshot>({
    mutationFn: ({ trackId, input }) => apiFetch<Track>(trackUrl(trackId, 'vip'), { method: 'PATCH', json: input }),
    retry: false,
    onMutate: async ({ trackId, input }) => {
      await queryClient.cancelQueries({ queryKey: adminKeys.reviewQueue() });
      const previous = queryClient.getQueryData<ReviewQueue>(adminKeys.reviewQueue());
      queryClient.setQueryData<ReviewQueue>(adminKeys.reviewQueue(), (queue) =>
        queue
          ? { tracks: queue.tracks.map((track) => (track.id === trackId ? { ...track, isVip: input.isVip, vipPreview: input.preview } : track)) }
          : queue,
      );
      return { previous };
    },
    onError: (_error, _vars, context) => {
      if (context?.previous) queryClient.setQueryData(adminKeys.reviewQueue(), context.previous);
    },
    onSuccess: (track) => {
      queryClient.setQueryData<ReviewQueue>(adminKeys.reviewQueue(), (queue) =>
        queue ? { tracks: queue.tracks.map((queued) => (queued.id === track.id ? track : queued)) } : queue,
      );
    },
    onSettled: (_data, _error, { trackId }) => afterTrackChange(queryClient, trackId),
  });
}

/** Adds Black Diamonds to a member; the lists show the new balance the server answered. */
export function grantDiamondsMutationOptions(queryClient: QueryClient) {
  return mutationOptions<GrantResult, Error, { userId: string; amount: number }>({
    mutationFn: ({ userId, amount }) =>
      apiFetch<GrantResult>(`/api/admin/users/${encodeURIComponent(userId)}/diamonds`, { method: 'POST', json: { amount } }),
    // Never retried automatically: a retry would grant twice.
    retry: false,
    onSuccess: async (result) => {
      queryClient.setQueriesData<AdminUserPage>({ queryKey: adminKeys.userLists() }, (page) =>
        page ? { ...page, items: page.items.map((user) => (user.id === result.userId ? { ...user, blackDiamonds: result.blackDiamonds } : user)) } : page,
      );
      await invalidateAfter(queryClient, { type: 'diamonds-granted', userId: result.userId });
    },
  });
}
