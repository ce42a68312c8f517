// Pure aggregation of plays (SessionTracks) and track counters into the producer's statistics.
// No I/O: lib/base44 reads the records, this shapes them, the UI draws them.
import type { Track } from '@/lib/domain/types';
import type { PlayPlace, ProducerStats, TrackPlay, TrackStats, TrackStatsRow, TrackStatsTrack, WeeklyPlays } from '@/lib/domain/stats';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
export const RECENT_PLAYS_LIMIT = 20;

/** The Monday (UTC) of the week `time` falls in, as a timestamp. */
export function weekStartOf(time: number): number {
  const day = Math.floor(time / DAY_MS) * DAY_MS;
  // 1970-01-01 was a Thursday: (weekday + 6) % 7 counts days since Monday.
  const sinceMonday = (new Date(day).getUTCDay() + 6) % 7;
  return day - sinceMonday * DAY_MS;
}

const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);
const timeOf = (play: TrackPlay) => Date.parse(play.playedAt);
const validPlays = (plays: readonly TrackPlay[]) => plays.filter((play) => Number.isFinite(timeOf(play)));

/** Newest first; plays at the same instant in a stable order (by id). */
export function newestFirst<T extends TrackPlay>(plays: readonly T[]): T[] {
  return validPlays(plays).sort((a, b) => timeOf(b) - timeOf(a) || a.id.localeCompare(b.id)) as T[];
}

/**
 * Plays per week, oldest first, every week from the first play's to the last play's (weeks with
 * no play are 0): the whole history, so the chart's period (lib/stats/chart-period.ts) is chosen
 * by the producer and its headline always adds up the bars it shows. No plays: no weeks.
 */
export function playsPerWeek(plays: readonly TrackPlay[]): WeeklyPlays[] {
  const times = validPlays(plays).map(timeOf);
  if (times.length === 0) return [];
  const last = weekStartOf(Math.max(...times));
  const first = weekStartOf(Math.min(...times));
  const counts = new Map<number, number>();
  for (const time of times) {
    const week = weekStartOf(time);
    counts.set(week, (counts.get(week) ?? 0) + 1);
  }
  const weeks: WeeklyPlays[] = [];
  // Weeks are 7 days apart in UTC (no daylight saving), so stepping by WEEK_MS lands on Mondays.
  for (let week = first; week <= last; week += WEEK_MS) weeks.push({ weekStart: isoDay(week), plays: counts.get(week) ?? 0 });
  return weeks;
}

const placeKey = (p: Pick<TrackPlay, 'venue' | 'city' | 'country'>) =>
  [p.venue, p.city, p.country].map((part) => (part ?? '').trim().toLowerCase()).join('\u0000');

/** Where the plays happened: one entry per venue, most played first, then most recent. */
export function playPlaces(plays: readonly TrackPlay[]): PlayPlace[] {
  const places = new Map<string, PlayPlace>();
  for (const play of newestFirst(plays)) {
    const key = placeKey(play);
    const known = places.get(key);
    if (known) known.plays += 1;
    else places.set(key, { venue: play.venue, city: play.city, country: play.country, plays: 1, lastPlayedAt: play.playedAt });
  }
  return [...places.values()].sort((a, b) => b.plays - a.plays || Date.parse(b.lastPlayedAt) - Date.parse(a.lastPlayedAt));
}

function trackSummary(track: Track): TrackStatsTrack {
  return { id: track.id, title: track.title, artist: track.artist, status: track.status, rejectionReason: track.rejectionReason };
}

const rating = (track: Track) => (track.ratingCount > 0 && track.averageRating !== null ? track.averageRating : null);

/** One track's statistics from its record and its plays (plays of other tracks are ignored). */
export function trackStats(track: Track, allPlays: readonly TrackPlay[]): TrackStats {
  const history = newestFirst(allPlays.filter((play) => play.trackId === track.id));
  return {
    track: trackSummary(track),
    plays: history.length,
    cataloguePlays: track.playCount,
    downloads: track.downloadCount,
    averageRating: rating(track),
    ratingCount: rating(track) === null ? 0 : track.ratingCount,
    firstPlayedAt: history.at(-1)?.playedAt ?? null,
    lastPlayedAt: history[0]?.playedAt ?? null,
    history,
    weekly: playsPerWeek(history),
    places: playPlaces(history),
  };
}

/** The summary across a producer's tracks; plays of tracks not in `tracks` are left out. */
export function producerStats(producerId: string, tracks: readonly Track[], allPlays: readonly TrackPlay[]): ProducerStats {
  const byId = new Map(tracks.map((track) => [track.id, track]));
  const plays = newestFirst(allPlays.filter((play) => byId.has(play.trackId)));
  const playsOf = new Map<string, TrackPlay[]>();
  for (const play of plays) playsOf.set(play.trackId, [...(playsOf.get(play.trackId) ?? []), play]);

  const rows: TrackStatsRow[] = [...tracks]
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || a.id.localeCompare(b.id))
    .map((track) => {
      const own = playsOf.get(track.id) ?? [];
      const average = rating(track);
      return {
        ...trackSummary(track),
        plays: own.length,
        cataloguePlays: track.playCount,
        downloads: track.downloadCount,
        averageRating: average,
        ratingCount: average === null ? 0 : track.ratingCount,
        lastPlayedAt: own[0]?.playedAt ?? null,
      };
    });

  const rated = rows.filter((row) => row.averageRating !== null);
  const ratingCount = rated.reduce((sum, row) => sum + row.ratingCount, 0);
  const ratingSum = rated.reduce((sum, row) => sum + (row.averageRating ?? 0) * row.ratingCount, 0);
  const count = (status: Track['status']) => tracks.filter((track) => track.status === status).length;

  return {
    producerId,
    totals: {
      tracks: tracks.length,
      approved: count('approved'),
      pending: count('pending'),
      rejected: count('rejected'),
      plays: plays.length,
      cataloguePlays: rows.reduce((sum, row) => sum + row.cataloguePlays, 0),
      downloads: rows.reduce((sum, row) => sum + row.downloads, 0),
      averageRating: ratingCount > 0 ? Math.round((ratingSum / ratingCount) * 100) / 100 : null,
      ratingCount,
      venues: new Set(plays.map(placeKey)).size,
      djs: new Set(plays.map((play) => play.djId ?? play.djName)).size,
    },
    weekly: playsPerWeek(plays),
    recentPlays: plays.slice(0, RECENT_PLAYS_LIMIT).map((play) => ({ ...play, trackTitle: byId.get(play.trackId)?.title ?? '' })),
    tracks: rows,
  };
}
