import type { TrackListQuery } from '@/lib/domain/track-query';

type TrackFilters = Omit<TrackListQuery, 'page'>;

export const trackKeys = {
  all: ['tracks'] as const,
  lists: () => [...trackKeys.all, 'list'] as const,
  list: (filters: TrackFilters) => [...trackKeys.lists(), filters] as const,
  details: () => [...trackKeys.all, 'detail'] as const,
  detail: (id: string) => [...trackKeys.details(), id] as const,
};

export const meKeys = {
  all: ['me'] as const,
};
