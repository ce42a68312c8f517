import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { ApiClientError, apiFetch } from '@/lib/api/client';
import type { User, VipOverview, VipPurchase } from '@/lib/domain/types';
import { invalidateAfter } from './invalidation';
import { meKeys, vipKeys } from './keys';

/** `POST /api/vip/:trackId/unlock` → the purchase, the balance after it, and whether it was already bought. */
export interface VipUnlock {
  purchase: VipPurchase;
  blackDiamonds: number;
  alreadyUnlocked: boolean;
}

export const vipUnlockMutationKey = (trackId: string) => ['vip-unlock', trackId] as const;

const unlockUrl = (trackId: string) => `/api/vip/${encodeURIComponent(trackId)}/unlock`;

/** True for the refusal the DJ can act on (no Black Diamond left), as opposed to a fault. */
export const isInsufficientDiamonds = (error: unknown) => error instanceof ApiClientError && error.code === 'insufficient_diamonds';

/** Whether `trackId` is a VIP track the member has not unlocked (unknown overview: locked). */
export function isLockedVip(track: { id: string; isVip: boolean }, overview: Pick<VipOverview, 'unlockedTrackIds'> | undefined): boolean {
  if (!track.isVip) return false;
  return !overview?.unlockedTrackIds.includes(track.id);
}

/**
 * Unlocks a VIP track for one Black Diamond. Not optimistic: the server decides (balance, price,
 * idempotency), then the answer is written into the VIP overview and the profile at once and
 * both are invalidated (nothing else changes). The unlock is idempotent server-side, so a retry
 * after a lost answer costs nothing.
 */
export function unlockVipTrackMutationOptions(queryClient: QueryClient, trackId: string) {
  return mutationOptions<VipUnlock, Error, void>({
    mutationKey: vipUnlockMutationKey(trackId),
    mutationFn: () => apiFetch<VipUnlock>(unlockUrl(trackId), { method: 'POST', json: {} }),
    // Never retried automatically: a retry is the DJ's tap (and free if the first one went through).
    retry: false,
    onSuccess: async (result) => {
      queryClient.setQueryData<VipOverview>(vipKeys.all, (overview) =>
        overview
          ? {
              ...overview,
              unlockedTrackIds: overview.unlockedTrackIds.includes(trackId) ? overview.unlockedTrackIds : [...overview.unlockedTrackIds, trackId],
              blackDiamonds: result.blackDiamonds,
            }
          : overview,
      );
      queryClient.setQueryData<User>(meKeys.all, (me) => (me ? { ...me, blackDiamonds: result.blackDiamonds } : me));
      await invalidateAfter(queryClient, { type: 'vip-unlocked', trackId });
    },
    onError: async (error) => {
      // Refused for the balance: the balance shown was wrong, read it again.
      if (isInsufficientDiamonds(error)) await invalidateAfter(queryClient, { type: 'vip-unlocked', trackId });
    },
  });
}
