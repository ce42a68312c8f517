import { z } from 'zod';

export const MIN_STARS = 1;
export const MAX_STARS = 5;

/** `PUT /api/tracks/:id/rating`: one rating per member and track; sending again replaces it. */
export const rateTrackSchema = z
  .object({
    stars: z.number().int('Use whole stars').min(MIN_STARS, `At least ${MIN_STARS} star`).max(MAX_STARS, `At most ${MAX_STARS} stars`),
  })
  .strict();
export type RateTrackInput = z.infer<typeof rateTrackSchema>;
