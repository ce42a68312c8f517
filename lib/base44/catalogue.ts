// The promo pool: approved tracks, the same for every member, so cached and shared (see README).
import type { TrackListQuery } from '@/lib/domain/track-query';
import type { Page, Track } from '@/lib/domain/types';
import type { CallOptions } from './account';
import { StaleIfErrorCache, type CacheOptions } from './cache';
import type { Base44Client } from './client';
import { createPublicReader, type Freshness } from './public-read';
import { SingleFlight } from './single-flight';
import { trackListParams, type TrackListParams } from './track-filter';
import { countSchema, trackListSchema, trackRecordSchema, type WireTrack } from './tracks';

export const DEFAULT_CATALOGUE_CACHE: CacheOptions = {
  freshMs: 60_000,
  staleIfErrorMs: 10 * 60_000,
  maxEntries: 1_000,
  maxBytes: 32 * 1024 * 1024,
};

const TAG = 'tracks';
const freshnessByResult = new WeakMap<object, Freshness>();

/** How old the data of a catalogue result is (for `Age` / stale notices); undefined otherwise. */
export function catalogueFreshness(result: object): Freshness | undefined {
  return freshnessByResult.get(result);
}

export type Logger = (message: string) => void;

export function catalogueVerbs(client: Base44Client, cacheOptions: CacheOptions, log: Logger) {
  const cache = new StaleIfErrorCache(cacheOptions);
  const readPublic = createPublicReader(cache, new SingleFlight(), TAG);
  const isApproved = (wire: WireTrack) => wire.track.status === 'approved';

  async function listTracks(token: string, query: TrackListQuery, options: CallOptions = {}): Promise<Page<Track>> {
    const params = trackListParams(query);
    const { q, sort, limit, skip } = params;
    const listKey = `GET /entities/Track?${new URLSearchParams({ q, sort, limit: `${limit}`, skip: `${skip}` })}`;
    const countKey = `GET /entities/Track/count?${new URLSearchParams({ q })}`;
    const [list, total] = await Promise.all([
      readPublic(listKey, token, (leader, signal, wait) => fetchPage(params, leader, signal, wait), options),
      readPublic(countKey, token, (leader, signal, wait) => fetchCount(q, leader, signal, wait), options),
    ]);
    const page: Page<Track> = { items: [...list.value], total: total.value, page: query.page, pageSize: query.pageSize };
    freshnessByResult.set(page, older(list.freshness, total.freshness));
    return page;
  }

  async function fetchPage(params: TrackListParams, token: string, signal: AbortSignal, waitOnRateLimit: boolean) {
    const generation = cache.generation(TAG);
    const { tracks, skipped } = await client.request({
      method: 'GET',
      path: '/entities/Track',
      query: { ...params },
      token,
      schema: trackListSchema,
      signal,
      waitOnRateLimit,
    });
    if (skipped.length > 0) {
      const which = skipped.map((s) => `#${s.index} id=${s.id ?? '?'} (${s.reason})`).join(', ');
      log(`[base44] skipped ${skipped.length} malformed Track record(s): ${which}`.slice(0, 1000));
    }
    // The filter asks for approved tracks only; anything else here must not be shared.
    const approved = tracks.filter(isApproved);
    // A listed track's page and media routes then need no upstream call of their own.
    for (const wire of approved) cache.set(trackKey(wire.track.id), wire, TAG, generation);
    return Object.freeze(approved.map((wire) => Object.freeze(wire.track)));
  }

  function fetchCount(q: string, token: string, signal: AbortSignal, waitOnRateLimit: boolean) {
    return client.request({
      method: 'GET',
      path: '/entities/Track/count',
      query: { q },
      token,
      schema: countSchema,
      signal,
      waitOnRateLimit,
    });
  }

  /** A track as the caller may see it: approved ones from the shared cache, others as RLS decides. */
  async function readTrack(token: string, id: string, options: CallOptions) {
    const fetchTrack = (callerToken: string, signal: AbortSignal, waitOnRateLimit: boolean) =>
      client.request({
        method: 'GET',
        path: `/entities/Track/${encodeURIComponent(id)}`,
        token: callerToken,
        schema: trackRecordSchema,
        signal,
        waitOnRateLimit,
        messages: { not_found: 'This track does not exist or is not available to you.' },
      });
    return readPublic(trackKey(id), token, fetchTrack, { signal: options.signal, isPublic: isApproved });
  }

  async function getTrack(token: string, id: string, options: CallOptions = {}): Promise<Track> {
    const { value, freshness } = await readTrack(token, id, options);
    const track = { ...value.track };
    freshnessByResult.set(track, freshness);
    return track;
  }

  /** The upstream URL of a track's audio or artwork, for the media proxy only. */
  async function getTrackMediaSource(
    token: string, id: string, kind: 'audio' | 'artwork', options: CallOptions = {},
  ): Promise<string | null> {
    const { value } = await readTrack(token, id, options);
    return value.media[kind];
  }

  /** After a write that changes tracks: the next reads go upstream (old copies stay as stale). */
  function invalidateCatalogue(): void {
    cache.invalidateTag(TAG);
  }

  return { listTracks, getTrack, getTrackMediaSource, invalidateCatalogue };
}

function trackKey(id: string): string {
  return `track:${id}`;
}

function older(a: Freshness, b: Freshness): Freshness {
  if (a.source === 'stale' || b.source === 'stale') {
    return { source: 'stale', ageSeconds: Math.max(a.ageSeconds, b.ageSeconds) };
  }
  return a.ageSeconds >= b.ageSeconds ? a : b;
}
