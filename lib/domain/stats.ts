// Producer statistics: what a producer (or an admin) sees about tracks' lives after approval.
import type { TrackStatus } from './enums';

/** One play of a track in a DJ's set, as the stats show it (from a SessionTrack). */
export interface TrackPlay {
  id: string;
  trackId: string;
  playedAt: string;
  djId: string | null;
  djName: string;
  venue: string | null;
  city: string | null;
  country: string | null;
}

/** Plays in one week (weeks start on Monday, UTC). */
export interface WeeklyPlays {
  /** The Monday, `YYYY-MM-DD`. */
  weekStart: string;
  plays: number;
}

/** A place where a track was played, with how often and when last. */
export interface PlayPlace {
  venue: string | null;
  city: string | null;
  country: string | null;
  plays: number;
  lastPlayedAt: string;
}

export interface TrackStatsTrack {
  id: string;
  title: string;
  artist: string;
  status: TrackStatus;
  rejectionReason: string | null;
}

/** `GET /api/stats/tracks/:id`. */
export interface TrackStats {
  track: TrackStatsTrack;
  /** Plays recorded in DJ sets (SessionTracks). */
  plays: number;
  /** The track's own play counter (Track.play_count): plays from the SPYNNERS catalogue. */
  cataloguePlays: number;
  downloads: number;
  averageRating: number | null;
  ratingCount: number;
  firstPlayedAt: string | null;
  lastPlayedAt: string | null;
  /** Every play, newest first. */
  history: TrackPlay[];
  /** Zero-filled, oldest first, from the week of the first play to the week of the last. */
  weekly: WeeklyPlays[];
  /** Most played first. */
  places: PlayPlace[];
}

/** One row of the producer's summary table. */
export interface TrackStatsRow extends TrackStatsTrack {
  /** In DJ sets. */
  plays: number;
  /** From the catalogue (the track's play counter). */
  cataloguePlays: number;
  downloads: number;
  averageRating: number | null;
  ratingCount: number;
  lastPlayedAt: string | null;
}

/** `GET /api/stats`: across all of one producer's tracks. */
export interface ProducerStats {
  producerId: string;
  totals: {
    tracks: number;
    approved: number;
    pending: number;
    rejected: number;
    /** In DJ sets. */
    plays: number;
    /** From the catalogue (the tracks' play counters). */
    cataloguePlays: number;
    downloads: number;
    /** Mean of the tracks' averages weighted by their rating counts; null when nobody rated. */
    averageRating: number | null;
    ratingCount: number;
    /** Distinct venues (venue + city + country) where any of the tracks was played. */
    venues: number;
    djs: number;
  };
  weekly: WeeklyPlays[];
  /** Newest first, at most RECENT_PLAYS_LIMIT. */
  recentPlays: (TrackPlay & { trackTitle: string })[];
  /** Newest track first. */
  tracks: TrackStatsRow[];
}
