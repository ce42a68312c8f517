// Cache durations from the original SPYNNERS brief, used as TanStack Query staleTime.
export const CACHE_DURATIONS = {
  tracks: 5 * 60 * 1000,
  users: 10 * 60 * 1000,
  ownProfile: 15 * 60 * 1000,
  short: 1 * 60 * 1000,
} as const;
