import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api/client';
import type { Playlist } from '@/lib/domain/types';
import { invalidateAfter } from './invalidation';
import { playlistKeys } from './keys';

export interface NewPlaylist {
  name: string;
  isPublic?: boolean;
  trackIds?: string[];
}

/** Add, remove and reorder all send the whole new `trackIds`. */
export type PlaylistPatch = Partial<Pick<Playlist, 'name' | 'isPublic' | 'trackIds'>>;

const playlistUrl = (id: string) => `/api/playlists/${encodeURIComponent(id)}`;

/**
 * Playlists are small and edited from several places (this page, a track's page, another device),
 * and the persisted cache can lag a save by its write throttle: they are always revalidated on
 * mount (stale at once), while the cached copy paints first and serves offline.
 */
const PLAYLIST_STALE_TIME = 0;

export function playlistsOptions() {
  return queryOptions({
    queryKey: playlistKeys.lists(),
    queryFn: ({ signal }) => apiFetch<Playlist[]>('/api/playlists', { signal }),
    staleTime: PLAYLIST_STALE_TIME,
  });
}

export function playlistOptions(queryClient: QueryClient, id: string) {
  const lists = queryClient.getQueryState<Playlist[]>(playlistKeys.lists());
  const fromList = lists?.data?.find((p) => p.id === id);
  return queryOptions({
    queryKey: playlistKeys.detail(id),
    queryFn: ({ signal }) => apiFetch<Playlist>(playlistUrl(id), { signal }),
    staleTime: PLAYLIST_STALE_TIME,
    // The list holds whole playlists: the detail paints from it at once.
    initialData: fromList,
    initialDataUpdatedAt: fromList ? lists?.dataUpdatedAt : undefined,
  });
}

export function createPlaylistMutationOptions(queryClient: QueryClient) {
  return mutationOptions<Playlist, Error, NewPlaylist>({
    mutationKey: ['create-playlist'],
    mutationFn: (input) => apiFetch<Playlist>('/api/playlists', { method: 'POST', json: input }),
    onSuccess: async (playlist) => {
      queryClient.setQueryData(playlistKeys.detail(playlist.id), playlist);
      await invalidateAfter(queryClient, { type: 'playlist-created', playlistId: playlist.id });
    },
  });
}

interface UpdateContext {
  previous: Playlist | undefined;
  previousList: Playlist[] | undefined;
}

/** Renames, toggles, adds, removes or reorders, shown at once and rolled back if the save fails. */
export function updatePlaylistMutationOptions(queryClient: QueryClient, id: string) {
  const apply = (patch: PlaylistPatch) => (playlist: Playlist | undefined) => (playlist ? { ...playlist, ...patch } : playlist);
  return mutationOptions<Playlist, Error, PlaylistPatch, UpdateContext>({
    mutationKey: ['update-playlist', id],
    mutationFn: (patch) => apiFetch<Playlist>(playlistUrl(id), { method: 'PATCH', json: patch }),
    onMutate: async (patch) => {
      await queryClient.cancelQueries({ queryKey: playlistKeys.detail(id), exact: true });
      const previous = queryClient.getQueryData<Playlist>(playlistKeys.detail(id));
      const previousList = queryClient.getQueryData<Playlist[]>(playlistKeys.lists());
      queryClient.setQueryData<Playlist>(playlistKeys.detail(id), apply(patch));
      queryClient.setQueryData<Playlist[]>(playlistKeys.lists(), (list) => list?.map((p) => (p.id === id ? apply(patch)(p)! : p)));
      return { previous, previousList };
    },
    onError: (_error, _patch, context) => {
      if (context?.previous) queryClient.setQueryData(playlistKeys.detail(id), context.previous);
      if (context?.previousList) queryClient.setQueryData(playlistKeys.lists(), context.previousList);
    },
    onSuccess: async (playlist) => {
      queryClient.setQueryData(playlistKeys.detail(id), playlist);
      await invalidateAfter(queryClient, { type: 'playlist-updated', playlistId: id });
    },
  });
}

export function deletePlaylistMutationOptions(queryClient: QueryClient) {
  return mutationOptions<void, Error, string>({
    mutationKey: ['delete-playlist'],
    mutationFn: (id) => apiFetch<void>(playlistUrl(id), { method: 'DELETE' }),
    onSuccess: async (_nothing, id) => {
      queryClient.setQueryData<Playlist[]>(playlistKeys.lists(), (list) => list?.filter((p) => p.id !== id));
      await invalidateAfter(queryClient, { type: 'playlist-deleted', playlistId: id });
    },
  });
}
