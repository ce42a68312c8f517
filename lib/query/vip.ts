import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api/client';
import type { VipOverview } from '@/lib/domain/types';
import { CACHE_DURATIONS } from './durations';
import { vipKeys } from './keys';

export type { VipOverview };

export function vipOptions() {
  return queryOptions({
    queryKey: vipKeys.all,
    queryFn: ({ signal }) => apiFetch<VipOverview>('/api/vip', { signal }),
    staleTime: CACHE_DURATIONS.tracks,
  });
}
