import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api/client';
import type { ProducerStats, TrackStats } from '@/lib/domain/stats';
import type { Notification } from '@/lib/domain/types';
import { CACHE_DURATIONS } from './durations';
import { notificationKeys, statsKeys } from './keys';

/** The caller's statistics, or (admins) those of `producerId`. */
export function producerStatsOptions(producerId: string | null = null) {
  const query = producerId ? `?producerId=${encodeURIComponent(producerId)}` : '';
  return queryOptions({
    queryKey: statsKeys.producer(producerId),
    queryFn: ({ signal }) => apiFetch<ProducerStats>(`/api/stats${query}`, { signal }),
    staleTime: CACHE_DURATIONS.short,
  });
}

export function trackStatsOptions(trackId: string) {
  return queryOptions({
    queryKey: statsKeys.track(trackId),
    queryFn: ({ signal }) => apiFetch<TrackStats>(`/api/stats/tracks/${encodeURIComponent(trackId)}`, { signal }),
    staleTime: CACHE_DURATIONS.short,
  });
}

export function notificationsOptions() {
  return queryOptions({
    queryKey: notificationKeys.all,
    queryFn: ({ signal }) => apiFetch<Notification[]>('/api/notifications', { signal }),
    staleTime: CACHE_DURATIONS.short,
  });
}
