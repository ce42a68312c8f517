// Cache durations from the original SPYNNERS brief, used as TanStack Query `staleTime` by the query
// options in lib/query/<resource>.ts. How long data may be *kept* (memory and IndexedDB) is a
// separate question, answered by PERSIST_MAX_AGE and QUERY_GC_TIME below.
const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;

/** The promo pool and track details. */
export const TRACKS_STALE_TIME = 5 * MINUTE;
/** Other people's profiles. */
export const USERS_STALE_TIME = 10 * MINUTE;
/** The signed-in DJ's own profile (`/api/me`). */
export const OWN_PROFILE_STALE_TIME = 15 * MINUTE;
/** Volatile lists (notifications, counters): the default for queries that name nothing else. */
export const SHORT_STALE_TIME = 1 * MINUTE;

export const CACHE_DURATIONS = {
  tracks: TRACKS_STALE_TIME,
  users: USERS_STALE_TIME,
  ownProfile: OWN_PROFILE_STALE_TIME,
  short: SHORT_STALE_TIME,
} as const;

/** Persisted queries older than this (by `dataUpdatedAt`) are dropped on restore. */
export const PERSIST_MAX_AGE = 7 * DAY;

/**
 * How long an unused query stays in memory. It must be at least PERSIST_MAX_AGE: the persister
 * mirrors the in-memory cache, so a query garbage-collected from memory is deleted from IndexedDB.
 */
export const QUERY_GC_TIME = PERSIST_MAX_AGE;
