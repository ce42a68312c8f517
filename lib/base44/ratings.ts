// Track ratings: 1..5 stars, one per member and track. SPYNNERS has no rating entity a member
// could write the average through (a DJ may not update someone else's Track), so a vote goes
// through the app's `rateTrack` backend function, which stores one TrackRating per member and
// track and recomputes the track's average_rating / rating_count (see README).
import { z } from 'zod';
import type { TrackRatingSummary } from '@/lib/domain/types';
import type { CallOptions } from './account';
import type { CatalogueVerbs } from './catalogue';
import type { Base44Client } from './client';
import { count, optionalNumber, optionalText, wireId } from './wire';

/** Stars as a member gave them: a whole number 1..5, else null. */
const stars = optionalNumber.transform((n) => (n !== null && Number.isInteger(n) && n >= 1 && n <= 5 ? n : null));

/** A mean of 1..5 stars; 0 or nonsense (legacy tracks store 0 when unrated) → null. */
const average = optionalNumber.transform((n) => (n !== null && n >= 1 && n <= 5 ? n : null));

export const trackRatingRecordSchema = z.looseObject({
  id: wireId,
  track_id: optionalText,
  user_id: optionalText,
  stars,
});

/** The answer of `rateTrack`; a Base44 function's JSON may also come wrapped in `{data}`. */
export const rateTrackResultSchema = z.preprocess(
  (raw) => {
    const wrapped = raw as { data?: unknown } | null;
    return wrapped && typeof wrapped === 'object' && !('rating_count' in wrapped) && wrapped.data ? wrapped.data : raw;
  },
  z
    .looseObject({ my_rating: stars, average_rating: average, rating_count: count })
    .refine((r) => r.my_rating !== null, { message: 'rateTrack answered without my_rating', path: ['my_rating'] })
    .transform((r): TrackRatingSummary => ({
      myRating: r.my_rating,
      averageRating: r.rating_count > 0 ? r.average_rating : null,
      ratingCount: r.rating_count,
    })),
);

export const OWN_TRACK_RATING_MESSAGE = 'You cannot rate your own track (as its producer or a collaborator).';

export function ratingVerbs(client: Base44Client, catalogue: Pick<CatalogueVerbs, 'getTrack' | 'invalidateCatalogue'>) {
  /** The caller's own stars and the track's average (the track as the catalogue cache has it). */
  async function getTrackRating(token: string, callerId: string, trackId: string, options: CallOptions = {}): Promise<TrackRatingSummary> {
    const [track, votes] = await Promise.all([
      catalogue.getTrack(token, trackId, options),
      client.request({
        method: 'GET',
        path: '/entities/TrackRating',
        query: { q: JSON.stringify({ track_id: trackId, user_id: callerId }), sort: '-updated_date', limit: 1 },
        token,
        schema: z.array(trackRatingRecordSchema),
        signal: options.signal,
      }),
    ]);
    const mine = votes.find((vote) => vote.track_id === trackId && vote.user_id === callerId && vote.stars !== null);
    return {
      myRating: mine?.stars ?? null,
      averageRating: track.ratingCount > 0 && track.averageRating !== null && track.averageRating >= 1 ? track.averageRating : null,
      ratingCount: track.ratingCount,
    };
  }

  /** Casts or changes the caller's vote; the catalogue cache then reads the new average. */
  async function rateTrack(token: string, trackId: string, starsGiven: number, options: CallOptions = {}): Promise<TrackRatingSummary> {
    const result = await client.request({
      method: 'POST',
      path: '/functions/rateTrack',
      token,
      body: { track_id: trackId, stars: starsGiven },
      schema: rateTrackResultSchema,
      signal: options.signal,
      messages: {
        not_found: 'This track does not exist or is not available to you.',
        conflict: 'Only approved tracks can be rated.',
        // The function's 403 `own_track`: the caller produced the track or is credited on it.
        forbidden: OWN_TRACK_RATING_MESSAGE,
      },
    });
    catalogue.invalidateCatalogue();
    return result;
  }

  return { getTrackRating, rateTrack };
}
