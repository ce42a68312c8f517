// The promo pool's list query → Base44's list parameters. Built only from the parsed query's known
// fields: Base44 reads any parameter it does not define as a field filter, so nothing else is sent.
import type { TrackListQuery, TrackSort } from '@/lib/domain/track-query';
import { energySpellings, genreSpellings } from './vocabulary';

/** Base44 sorts on one field (the SDK's `sort` is a single field name), so ties cannot be broken here. */
const SORT_FIELD: Record<TrackSort, string> = {
  newest: '-created_date',
  downloads: '-download_count',
  rating: '-average_rating',
};

const SEARCHED_FIELDS = ['title', 'producer_name', 'artist_name', 'artist', 'label_name', 'genre'];

export interface TrackListParams {
  /** JSON of the filter, shared by the list and its count. */
  q: string;
  sort: string;
  limit: number;
  skip: number;
}

export function trackListParams(query: TrackListQuery): TrackListParams {
  return {
    q: JSON.stringify(approvedTracksFilter(query)),
    sort: SORT_FIELD[query.sort],
    limit: query.pageSize,
    skip: (query.page - 1) * query.pageSize,
  };
}

export function approvedTracksFilter(query: TrackListQuery): Record<string, unknown> {
  const filter: Record<string, unknown> = { status: 'approved' };
  if (query.genre) filter.genre = { $in: genreSpellings(query.genre) };
  if (query.energy) filter.energy_level = { $in: energySpellings(query.energy) };
  if (query.bpmMin !== undefined || query.bpmMax !== undefined) {
    filter.bpm = {
      ...(query.bpmMin !== undefined && { $gte: query.bpmMin }),
      ...(query.bpmMax !== undefined && { $lte: query.bpmMax }),
    };
  }
  if (query.key) filter.key = query.key;
  if (query.vipOnly) filter.is_vip = true;
  const search = query.search?.trim();
  if (search) {
    const pattern = escapeRegex(search);
    filter.$or = SEARCHED_FIELDS.map((field) => ({ [field]: { $regex: pattern, $options: 'i' } }));
  }
  return filter;
}

/** The user's text matches literally: every regex metacharacter is escaped. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
