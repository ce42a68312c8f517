'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { Track } from '@/lib/domain/types';
import { meOptions } from '@/lib/query/profile';
import { rateTrackMutationOptions, trackRatingOptions } from '@/lib/query/ratings';
import { StarRating } from '@/components/ui/star-rating';
import styles from './track-detail.module.css';

/**
 * One rating per member: choosing again replaces it. The average moves at once (optimistic). Its
 * producer is not offered the stars (the rateTrack function refuses them, and a collaborator, 403).
 */
export function TrackRating({ track }: { track: Track }) {
  const queryClient = useQueryClient();
  const me = useQuery(meOptions());
  const ownTrack = track.producerId !== null && me.data?.id === track.producerId;
  const rating = useQuery(trackRatingOptions(track.id));
  const rate = useMutation(useMemo(() => rateTrackMutationOptions(queryClient, track.id), [queryClient, track.id]));
  // The star just tapped, shown at once: the optimistic cache update lands a tick later (TanStack
  // notifies asynchronously), and a radio bound to it alone would be put back by React meanwhile.
  const [chosen, setChosen] = useState<number | null>(null);
  const average = rating.data?.averageRating ?? track.averageRating;
  const ratingCount = rating.data?.ratingCount ?? track.ratingCount;

  return (
    <section className={styles.rating} aria-labelledby="rating-title">
      <h2 id="rating-title">Rating</h2>
      <p className={styles.average} data-testid="rating-summary">
        {average ? (
          <>
            <strong data-testid="rating-average">{average.toFixed(1)}</strong> / 5 ·{' '}
            <span data-testid="rating-count">{ratingCount === 1 ? '1 rating' : `${ratingCount} ratings`}</span>
          </>
        ) : (
          <span data-testid="rating-count">No ratings yet</span>
        )}
      </p>
      {ownTrack ? (
        <p className="muted" data-testid="rating-own-track">Your own track: members rate it, you cannot.</p>
      ) : (
        <>
          <StarRating
            label="Your rating"
            value={chosen ?? rating.data?.myRating ?? null}
            onChange={(stars) => {
              setChosen(stars);
              rate.mutate(stars, { onSettled: () => setChosen(null) });
            }}
            disabled={rating.isPending}
          />
          <p className="muted" aria-live="polite">
            {rating.isError
              ? `Your rating could not be loaded: ${rating.error.message}`
              : rate.isError
                ? `Not saved: ${rate.error.message}`
                : rate.isPending
                  ? 'Saving…'
                  : rating.data?.myRating
                    ? `You rated it ${rating.data.myRating} of 5`
                    : 'Tap a star to rate'}
          </p>
        </>
      )}
    </section>
  );
}
