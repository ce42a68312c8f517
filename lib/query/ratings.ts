import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api/client';
import type { Track, TrackRatingSummary } from '@/lib/domain/types';
import type { Catalogue } from './catalogue';
import { CACHE_DURATIONS } from './durations';
import { invalidateAfter } from './invalidation';
import { catalogueKeys, ratingKeys, trackKeys } from './keys';

/** The member's stars, the average and the count (`GET` / `PUT /api/tracks/:id/rating`). */
export type TrackRating = TrackRatingSummary;

const ratingUrl = (trackId: string) => `/api/tracks/${encodeURIComponent(trackId)}/rating`;

export function trackRatingOptions(trackId: string) {
  return queryOptions({
    queryKey: ratingKeys.track(trackId),
    queryFn: ({ signal }) => apiFetch<TrackRating>(ratingUrl(trackId), { signal }),
    staleTime: CACHE_DURATIONS.short,
  });
}

/** The rating as it will be once `stars` is saved (one rating per member: a re-rate replaces theirs). */
export function withStars(rating: TrackRating, stars: number): TrackRating {
  const count = rating.ratingCount;
  const total = (rating.averageRating ?? 0) * count;
  if (rating.myRating !== null && count > 0) {
    return { myRating: stars, averageRating: (total - rating.myRating + stars) / count, ratingCount: count };
  }
  return { myRating: stars, averageRating: (total + stars) / (count + 1), ratingCount: count + 1 };
}

function patchTrack(queryClient: QueryClient, trackId: string, rating: Pick<TrackRating, 'averageRating' | 'ratingCount'>) {
  const patch = (track: Track): Track => ({ ...track, averageRating: rating.averageRating, ratingCount: rating.ratingCount });
  queryClient.setQueryData<Track>(trackKeys.detail(trackId), (track) => (track ? patch(track) : track));
  // The catalogue behind the offline index is patched in place rather than refetched whole.
  queryClient.setQueryData<Catalogue>(catalogueKeys.all, (catalogue) =>
    catalogue && catalogue.tracks.some((t) => t.id === trackId)
      ? { ...catalogue, tracks: catalogue.tracks.map((t) => (t.id === trackId ? patch(t) : t)) }
      : catalogue,
  );
}

interface RateContext {
  previousRating: TrackRating | undefined;
  previousTrack: Track | undefined;
}

/** Rates a track optimistically: the stars and average move at once and roll back if the save fails. */
export function rateTrackMutationOptions(queryClient: QueryClient, trackId: string) {
  return mutationOptions<TrackRating, Error, number, RateContext>({
    mutationKey: ['rate-track', trackId],
    mutationFn: (stars) => apiFetch<TrackRating>(ratingUrl(trackId), { method: 'PUT', json: { stars } }),
    onMutate: async (stars) => {
      await queryClient.cancelQueries({ queryKey: ratingKeys.track(trackId), exact: true });
      const previousRating = queryClient.getQueryData<TrackRating>(ratingKeys.track(trackId));
      const previousTrack = queryClient.getQueryData<Track>(trackKeys.detail(trackId));
      const base = previousRating ?? {
        myRating: null,
        averageRating: previousTrack?.averageRating ?? null,
        ratingCount: previousTrack?.ratingCount ?? 0,
      };
      const next = withStars(base, stars);
      queryClient.setQueryData(ratingKeys.track(trackId), next);
      queryClient.setQueryData<Track>(trackKeys.detail(trackId), (track) =>
        track ? { ...track, averageRating: next.averageRating, ratingCount: next.ratingCount } : track,
      );
      return { previousRating, previousTrack };
    },
    onError: (_error, _stars, context) => {
      if (!context) return;
      queryClient.setQueryData(ratingKeys.track(trackId), context.previousRating);
      if (context.previousTrack) queryClient.setQueryData(trackKeys.detail(trackId), context.previousTrack);
    },
    onSuccess: async (rating) => {
      queryClient.setQueryData(ratingKeys.track(trackId), rating);
      patchTrack(queryClient, trackId, rating);
      await invalidateAfter(queryClient, { type: 'track-rated', trackId });
    },
  });
}
