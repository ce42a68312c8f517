import type { Track } from '@/lib/domain/types';
import type { TrackFilters } from '@/lib/query/tracks';

/** The structured filters of a library query (everything but the text and the sort). */
export type FacetFilters = Pick<TrackFilters, 'genre' | 'energy' | 'bpmMin' | 'bpmMax' | 'key' | 'vipOnly'>;

/**
 * Compiles the facet filters into one predicate, with the same meaning as the server's filter:
 * a BPM bound excludes tracks without a BPM, and keys compare upper-case (the query schema
 * upper-cases them).
 */
export function facetPredicate(filters: FacetFilters): ((track: Track) => boolean) | null {
  const { genre, energy, bpmMin, bpmMax, key, vipOnly } = filters;
  const checks: Array<(track: Track) => boolean> = [];
  if (genre) checks.push((t) => t.genre === genre);
  if (energy) checks.push((t) => t.energy === energy);
  if (key) checks.push((t) => t.key?.toUpperCase() === key);
  if (vipOnly) checks.push((t) => t.isVip);
  if (bpmMin !== undefined) checks.push((t) => t.bpm !== null && t.bpm >= bpmMin);
  if (bpmMax !== undefined) checks.push((t) => t.bpm !== null && t.bpm <= bpmMax);
  if (checks.length === 0) return null;
  return (track) => checks.every((check) => check(track));
}
