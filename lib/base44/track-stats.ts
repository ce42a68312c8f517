// Producer statistics: a producer's tracks and the SessionTracks that record their plays, read
// with the caller's token (Base44's rules decide what they may see) and shaped by lib/stats.
import { z } from 'zod';
import type { ProducerStats, TrackPlay, TrackStats } from '@/lib/domain/stats';
import type { Track } from '@/lib/domain/types';
import { producerStats, trackStats } from '@/lib/stats/aggregate';
import type { CallOptions } from './account';
import type { Base44Client } from './client';
import { Base44Error } from './errors';
import { listEvery } from './paging';
import { creditedFlag } from './sessions';
import { trackRecordSchema } from './tracks';
import { firstOf, optionalText, optionalTimestamp, wireId } from './wire';

/** A SessionTrack as a play; records without a track or a time cannot be counted. */
export const sessionTrackPlaySchema = z
  .looseObject({
    id: wireId,
    track_id: optionalText,
    played_at: optionalTimestamp,
    created_date: optionalTimestamp,
    dj_id: optionalText,
    dj_name: optionalText,
    venue: optionalText,
    city: optionalText,
    country: optionalText,
  })
  .refine((r) => r.track_id !== null, { message: 'no track_id', path: ['track_id'] })
  .refine((r) => r.played_at !== null || r.created_date !== null, { message: 'no played_at', path: ['played_at'] })
  .transform(
    (r): TrackPlay => ({
      id: r.id,
      trackId: r.track_id!,
      playedAt: firstOf(r.played_at, r.created_date)!,
      djId: r.dj_id,
      djName: r.dj_name ?? 'Unknown DJ',
      venue: r.venue,
      city: r.city,
      country: r.country,
    }),
  );

/**
 * A SessionTrack as a play, and whether it counts: a DJ playing their own (or a collaborated)
 * track is stored `credited: false` by recordSession and is no play in any statistic.
 */
const countedPlaySchema = z.unknown().transform((raw, ctx) => {
  const play = sessionTrackPlaySchema.safeParse(raw);
  if (!play.success) {
    for (const issue of play.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
    return z.NEVER;
  }
  const credited = creditedFlag.parse((raw as { credited?: unknown }).credited);
  return { play: play.data, credited };
});

export interface StatsViewer {
  userId: string;
  /** Admins (and read-only admins) see every producer's statistics. */
  seesEverything: boolean;
}

export function trackStatsVerbs(client: Base44Client) {
  /** The credited plays matching `q` (uncredited ones are read, then left out). */
  function plays(token: string, q: Record<string, unknown>, signal?: AbortSignal): Promise<TrackPlay[]> {
    return listEvery(client, {
      path: '/entities/SessionTrack',
      q,
      sort: 'created_date',
      token,
      record: countedPlaySchema,
      idOf: (counted) => counted.play.id,
      signal,
    }).then((result) => result.items.filter((counted) => counted.credited).map((counted) => counted.play));
  }

  /** One track's statistics: its producer and admins only (anyone else: `forbidden`). */
  async function getTrackStats(token: string, viewer: StatsViewer, trackId: string, options: CallOptions = {}): Promise<TrackStats> {
    const { track } = await client.request({
      method: 'GET',
      path: `/entities/Track/${encodeURIComponent(trackId)}`,
      token,
      schema: trackRecordSchema,
      signal: options.signal,
      messages: { not_found: 'This track does not exist or is not available to you.' },
    });
    if (!viewer.seesEverything && track.producerId !== viewer.userId) {
      throw new Base44Error('forbidden', { message: 'Only the track’s producer can see its statistics.' });
    }
    return trackStats(track, await plays(token, { track_id: trackId }, options.signal));
  }

  /** Every track of `producerId` and where they were played. */
  async function getProducerStats(token: string, viewer: StatsViewer, producerId: string, options: CallOptions = {}): Promise<ProducerStats> {
    if (!viewer.seesEverything && producerId !== viewer.userId) {
      throw new Base44Error('forbidden', { message: 'You can only see your own statistics.' });
    }
    const { items } = await listEvery(client, {
      path: '/entities/Track',
      q: { $or: [{ producer_id: producerId }, { producer_id: { $exists: false }, created_by_id: producerId }] },
      sort: 'created_date',
      token,
      record: trackRecordSchema,
      idOf: (wire) => wire.track.id,
      signal: options.signal,
    });
    const tracks: Track[] = items.map((wire) => wire.track).filter((track) => track.producerId === producerId);
    // By producer, not by a list of track ids (which would not fit a URL for a big catalogue);
    // producerStats keeps only the plays of the tracks read above.
    const all = tracks.length === 0 ? [] : await plays(token, { producer_id: producerId }, options.signal);
    return producerStats(producerId, tracks, all);
  }

  return { getTrackStats, getProducerStats };
}
