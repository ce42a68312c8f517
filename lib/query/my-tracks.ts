import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api/client';
import type { TrackMetadataPatch } from '@/lib/domain/track-metadata';
import type { Track } from '@/lib/domain/types';
import { invalidateAfter } from './invalidation';
import { myTrackKeys } from './keys';

const trackUrl = (id: string) => `/api/my-tracks/${encodeURIComponent(id)}`;

/** A producer's own tracks; review changes their status from elsewhere, so always revalidated. */
export function myTracksOptions() {
  return queryOptions({
    queryKey: myTrackKeys.all,
    queryFn: ({ signal }) => apiFetch<Track[]>('/api/my-tracks', { signal }),
    staleTime: 0,
  });
}

export function updateMyTrackMutationOptions(queryClient: QueryClient) {
  return mutationOptions<Track, Error, { id: string; patch: TrackMetadataPatch }>({
    mutationKey: ['update-my-track'],
    mutationFn: ({ id, patch }) => apiFetch<Track>(trackUrl(id), { method: 'PATCH', json: patch }),
    onSuccess: async (track) => {
      queryClient.setQueryData<Track[]>(myTrackKeys.all, (list) => list?.map((t) => (t.id === track.id ? track : t)));
      await invalidateAfter(queryClient, { type: 'my-tracks-changed', trackId: track.id });
    },
  });
}

export function deleteMyTrackMutationOptions(queryClient: QueryClient) {
  return mutationOptions<void, Error, string>({
    mutationKey: ['delete-my-track'],
    mutationFn: (id) => apiFetch<void>(trackUrl(id), { method: 'DELETE' }),
    onSuccess: async (_nothing, id) => {
      queryClient.setQueryData<Track[]>(myTrackKeys.all, (list) => list?.filter((t) => t.id !== id));
      await invalidateAfter(queryClient, { type: 'my-tracks-changed', trackId: id });
    },
  });
}
