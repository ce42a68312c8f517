import { z } from 'zod';
import type { Actor } from '../access/policy';
import { ENTITIES } from '../entities/definitions';
import { validateRecord } from '../entities/validate';
import { badRequest, HttpError, notFound } from '../http/errors';
import { compileFilter } from '../query/filter';
import { resolveField } from '../query/field-path';
import type { Services } from '../services';
import type { EntityRecord } from '../store/entity-store';
import { newRecord, updatedRecord } from '../store/records';
import { ownTrackReason } from './own-track';
import { readableTrack } from './readable-track';

/**
 * `rateTrack {track_id, stars}` → `{track_id, my_rating, average_rating, rating_count}`.
 *
 * One TrackRating per (member, track): a second call changes that member's vote. The vote and the
 * track's `average_rating` / `rating_count` are written in one immediate SQLite transaction, and
 * the aggregate is recomputed from the stored votes rather than adjusted, so concurrent calls
 * (from this process or another sharing the data folder) cannot lose or double-count a vote.
 * A track rated before any TrackRating existed (legacy data) keeps those earlier votes as a
 * baseline, recorded once on the track in `legacy_rating_count` / `legacy_rating_sum`.
 * A member cannot rate their own track, as its producer or a collaborator (see own-track.ts): 403
 * `own_track`, nothing written.
 */
const inputSchema = z
  .object({
    track_id: z.string().trim().min(1).max(64),
    stars: z.number().int('must be a whole number of stars').min(1).max(5),
  })
  .strict();

export interface RateTrackResult {
  track_id: string;
  my_rating: number;
  average_rating: number | null;
  rating_count: number;
}

const STARS_SQL = resolveField(ENTITIES.TrackRating, 'stars').sql;

export function rateTrack({ store }: Services, actor: Actor, input: unknown): RateTrackResult {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badRequest(`rateTrack expects {track_id, stars: 1..5}: ${issue?.path.join('.') || 'input'} ${issue?.message ?? ''}`.trim());
  }
  const { track_id: trackId, stars } = parsed.data;
  return store.transaction(() => {
    const track = readableTrack(store, trackId, actor);
    if (track.status !== 'approved') throw new HttpError(409, 'Only approved tracks can be rated', 'conflict');
    const member = store.get('User', actor.id);
    if (!member) throw notFound('User not found');
    if (ownTrackReason(track, member)) throw new HttpError(403, 'You cannot rate your own track', 'own_track');
    const votesOnTrack = compileFilter(ENTITIES.TrackRating, { track_id: trackId });
    const baseline = baselineOf(track, store.countAndSum('TrackRating', votesOnTrack, STARS_SQL).count);

    const mine = compileFilter(ENTITIES.TrackRating, { track_id: trackId, user_id: actor.id });
    const [existingId] = store.ids('TrackRating', mine, 1);
    const existing = existingId ? store.get('TrackRating', existingId) : null;
    if (!existing) {
      const vote = newRecord({ track_id: trackId, user_id: actor.id, stars }, actor);
      validateRecord('TrackRating', vote);
      store.insert('TrackRating', vote);
    } else if (existing.stars !== stars) {
      store.replace('TrackRating', updatedRecord(existing, { stars }));
    }

    const votes = store.countAndSum('TrackRating', votesOnTrack, STARS_SQL);
    const ratingCount = baseline.count + votes.count;
    const averageRating = ratingCount > 0 ? (baseline.sum + votes.sum) / ratingCount : null;
    const after = updatedRecord(track, {
      average_rating: averageRating,
      rating_count: ratingCount,
      legacy_rating_count: baseline.count,
      legacy_rating_sum: baseline.sum,
    });
    validateRecord('Track', after);
    store.replace('Track', after);
    return { track_id: trackId, my_rating: stars, average_rating: averageRating, rating_count: ratingCount };
  });
}

/** Votes counted before the first TrackRating record, fixed the first time the track is rated. */
function baselineOf(track: EntityRecord, storedVotes: number): { count: number; sum: number } {
  if (typeof track.legacy_rating_count === 'number') {
    const sum = typeof track.legacy_rating_sum === 'number' ? track.legacy_rating_sum : 0;
    return { count: track.legacy_rating_count, sum };
  }
  if (storedVotes > 0) return { count: 0, sum: 0 };
  const count = track.rating_count;
  const average = track.average_rating;
  const usable =
    typeof count === 'number' && Number.isInteger(count) && count > 0 &&
    typeof average === 'number' && average >= 1 && average <= 5;
  return usable ? { count, sum: average * count } : { count: 0, sum: 0 };
}
