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

/** The whole approved catalogue, loaded once for the offline search index. */
export const catalogueKeys = {
  all: ['catalogue'] as const,
};

/** A track's rating (the member's own stars, average and count), apart from the track itself. */
export const ratingKeys = {
  all: ['ratings'] as const,
  track: (trackId: string) => [...ratingKeys.all, trackId] as const,
};

export const playlistKeys = {
  all: ['playlists'] as const,
  lists: () => [...playlistKeys.all, 'list'] as const,
  details: () => [...playlistKeys.all, 'detail'] as const,
  detail: (id: string) => [...playlistKeys.details(), id] as const,
};

export const vipKeys = {
  all: ['vip'] as const,
};

/** Public profiles of members (producers shown on a track, the member's own public face). */
export const userKeys = {
  all: ['users'] as const,
  detail: (id: string) => [...userKeys.all, id] as const,
};

/** The small track search inside a playlist ("Add tracks"): one page, not an infinite list. */
export const trackPickerKeys = {
  all: ['track-picker'] as const,
  search: (search: string) => [...trackPickerKeys.all, search] as const,
};

/** A producer's own tracks, every status (`/api/my-tracks`). */
export const myTrackKeys = {
  all: ['my-tracks'] as const,
};

/** The DJ's recorded sets (GET /api/sessions). */
export const sessionKeys = {
  all: ['sessions'] as const,
  mine: () => ['sessions', 'mine'] as const,
};

/** The admin screens: the review queue and the member list (read by admins and read-only admins). */
export const adminKeys = {
  all: ['admin'] as const,
  reviewQueue: () => [...adminKeys.all, 'review-queue'] as const,
  userLists: () => [...adminKeys.all, 'users'] as const,
  users: (filters: { search?: string; role?: string; page: number }) => [...adminKeys.userLists(), filters] as const,
};

/** Producer statistics: a producer's summary (own, or any for admins) and one track's. */
export const statsKeys = {
  all: ['stats'] as const,
  producer: (producerId: string | null) => [...statsKeys.all, 'producer', producerId ?? 'me'] as const,
  track: (trackId: string) => [...statsKeys.all, 'track', trackId] as const,
};

export const notificationKeys = {
  all: ['notifications'] as const,
};
