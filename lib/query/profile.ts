import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api/client';
import type { ProfilePatch } from '@/lib/domain/profile';
import type { PublicProfile, User } from '@/lib/domain/types';
import { CACHE_DURATIONS } from './durations';
import { invalidateAfter } from './invalidation';
import { meKeys, userKeys } from './keys';

export type { PublicProfile } from '@/lib/domain/types';

export function meOptions() {
  return queryOptions({
    queryKey: meKeys.all,
    queryFn: ({ signal }) => apiFetch<User>('/api/me', { signal }),
    staleTime: CACHE_DURATIONS.ownProfile,
  });
}

export function publicProfileOptions(userId: string) {
  return queryOptions({
    queryKey: userKeys.detail(userId),
    queryFn: ({ signal }) => apiFetch<PublicProfile>(`/api/users/${encodeURIComponent(userId)}`, { signal }),
    staleTime: CACHE_DURATIONS.users,
  });
}

export function updateProfileMutationOptions(queryClient: QueryClient) {
  return mutationOptions<User, Error, ProfilePatch>({
    mutationKey: ['update-profile'],
    mutationFn: (patch) => apiFetch<User>('/api/me', { method: 'PATCH', json: patch }),
    onSuccess: async (user) => {
      queryClient.setQueryData(meKeys.all, user);
      await invalidateAfter(queryClient, { type: 'profile-updated', userId: user.id });
    },
  });
}

/** The member's photo: a just-uploaded one (its receipt from POST /api/uploads?kind=avatar), or none. */
export function setAvatarMutationOptions(queryClient: QueryClient) {
  return mutationOptions<User, Error, { receipt: string } | { remove: true }>({
    mutationKey: ['set-avatar'],
    mutationFn: (change) =>
      apiFetch<User>('/api/me', { method: 'PATCH', json: 'receipt' in change ? { avatarUpload: change.receipt } : { avatarUrl: null } }),
    onSuccess: async (user) => {
      queryClient.setQueryData(meKeys.all, user);
      await invalidateAfter(queryClient, { type: 'profile-updated', userId: user.id });
    },
  });
}
