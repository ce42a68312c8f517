// The library's filters read back from the address bar, in the browser. The same rules as
// `trackListQuerySchema` (lib/domain/track-query.ts, which the route handler parses with zod),
// written out by hand so the console's first paint does not ship zod; unit-tested against it.
import { CAMELOT_KEYS, ENERGY_LEVELS, GENRES } from '@/lib/domain/enums';
import { TRACK_SORTS } from '@/lib/domain/track-sorts';
import type { TrackFilters } from './tracks';

export const FILTER_NAMES = ['search', 'genre', 'energy', 'bpmMin', 'bpmMax', 'key', 'vipOnly', 'offlineOnly', 'sort'] as const;
const DEFAULT_PAGE_SIZE = 50;

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;

function bpm(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isInteger(n) && n >= 40 && n <= 250 ? n : undefined;
}

/**
 * Filters from URL parameters. Where the schema would reject the whole query, this keeps the
 * valid fields and drops the bad ones (a hand-edited URL still shows something close).
 */
export function filtersFromParams(params: Pick<URLSearchParams, 'get'>): TrackFilters {
  const filters: TrackFilters = { pageSize: DEFAULT_PAGE_SIZE, sort: oneOf(TRACK_SORTS, params.get('sort')) ?? 'newest' };
  const search = params.get('search')?.trim();
  if (search && search.length <= 100) filters.search = search;
  const genre = oneOf(GENRES, params.get('genre'));
  if (genre) filters.genre = genre;
  const energy = oneOf(ENERGY_LEVELS, params.get('energy'));
  if (energy) filters.energy = energy;
  const key = oneOf(CAMELOT_KEYS, params.get('key')?.toUpperCase() ?? null);
  if (key) filters.key = key;
  const vipOnly = params.get('vipOnly');
  if (vipOnly === 'true' || vipOnly === 'false') filters.vipOnly = vipOnly === 'true';
  // Not the server's: only this device knows its downloads (lib/query/tracks.ts strips it).
  if (params.get('offlineOnly') === 'true') filters.offlineOnly = true;
  const [bpmMin, bpmMax] = [bpm(params.get('bpmMin')), bpm(params.get('bpmMax'))];
  if (bpmMin === undefined || bpmMax === undefined || bpmMin <= bpmMax) {
    if (bpmMin !== undefined) filters.bpmMin = bpmMin;
    if (bpmMax !== undefined) filters.bpmMax = bpmMax;
  }
  return filters;
}
