// A DJ set as the console sends it and as the server answers it (issue #7). camelCase domain shapes;
// lib/base44/sessions.ts maps them to Base44's SessionMix / SessionTrack records.
import type { SessionMix, SessionTrack } from './types';

/** A finished set as the console delivers it (through the outbox) to `POST /api/sessions`. */
export interface NewDjSet {
  /** The account the set was played under; a different signed-in account is refused (403). */
  djId: string;
  venue: string;
  city: string;
  country: string;
  /** ISO date-times. */
  startedAt: string;
  endedAt: string;
  /** Catalogue tracks played, each with when it went on air. */
  tracks: Array<{ trackId: string; playedAt: string }>;
}

/** What the server recorded for one set (the same answer for every delivery of one key). */
export type DiamondWithheldReason = 'daily_limit' | 'no_credited_track';

export interface RecordedDjSet {
  set: SessionMix;
  tracks: SessionTrack[];
  /** Tracks that were not recorded: no longer (or never) in the catalogue. */
  skippedTrackIds: string[];
  /** 1 when the set earned a Black Diamond (at least one catalogue track), else 0. */
  blackDiamondsAwarded: number;
  /** Why no diamond: 'daily_limit' (one per DJ per UTC day), 'no_credited_track', or null. */
  diamondWithheldReason: DiamondWithheldReason | null;
  /** True when this key had already been recorded: nothing was written this time. */
  alreadyRecorded: boolean;
}

/** Idempotency keys: what the outbox generates (UUIDs) and the server accepts. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,128}$/;

export const SET_LIMITS = { venue: 120, city: 80, country: 80, tracks: 500 } as const;
