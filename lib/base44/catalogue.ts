// The promo pool: approved tracks, the same for every member, so cached and shared (see README).
import { createHash } from 'node:crypto';
import type { TrackListQuery } from '@/lib/domain/track-query';
import type { CatalogueSnapshot, Page, Track } from '@/lib/domain/types';
import type { CallOptions } from './account';
import { StaleIfErrorCache, type CacheOptions } from './cache';
import type { Base44Client } from './client';
import { listEvery, MAX_LIST_CHUNK } from './paging';
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

/** The whole catalogue has a cache slot of its own: it is far bigger than any other entry. */
export const FULL_CATALOGUE_MAX_BYTES = 256 * 1024 * 1024;

const TAG = 'tracks';
const FULL_KEY = 'catalogue:approved';
const freshnessByResult = new WeakMap<object, Freshness>();
const versionByResult = new WeakMap<object, string>();

/** How old the data of a catalogue result is (for `Age` / stale notices); undefined otherwise. */
export function catalogueFreshness(result: object): Freshness | undefined {
  return freshnessByResult.get(result);
}

/**
 * A digest of a `listCatalogue` result's tracks (for an ETag): the same for the same tracks,
 * whenever they were fetched. Undefined for anything else.
 */
export function catalogueVersion(result: object): string | undefined {
  return versionByResult.get(result);
}

export type Logger = (message: string) => void;

interface FullCatalogue {
  readonly tracks: readonly Track[];
  readonly generatedAt: string;
  readonly version: string;
}

export function catalogueVerbs(client: Base44Client, cacheOptions: CacheOptions, log: Logger, fullChunkSize = MAX_LIST_CHUNK) {
  const cache = new StaleIfErrorCache(cacheOptions);
  const readPublic = createPublicReader(cache, new SingleFlight(), TAG);
  const fullCache = new StaleIfErrorCache({
    ...cacheOptions,
    maxEntries: 1,
    maxBytes: Math.max(cacheOptions.maxBytes, FULL_CATALOGUE_MAX_BYTES),
  });
  const readFull = createPublicReader(fullCache, new SingleFlight(), TAG);
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

  /** A track and the upstream URL of its audio or artwork, for the media proxy's access checks. */
  async function getTrackMedia(
    token: string, id: string, kind: 'audio' | 'artwork', options: CallOptions = {},
  ): Promise<{ track: Track; source: string | null }> {
    const { value } = await readTrack(token, id, options);
    return { track: value.track, source: value.media[kind] };
  }

  /**
   * Every approved track, for the client's offline index: one upstream walk (pages of ≤ 5000,
   * oldest first, so tracks added meanwhile land on the last page) shared by every member through
   * the cache, newest first in the answer.
   */
  async function listCatalogue(token: string, options: CallOptions = {}): Promise<CatalogueSnapshot> {
    const { value, freshness } = await readFull(FULL_KEY, token, fetchCatalogue, { signal: options.signal });
    const snapshot: CatalogueSnapshot = { tracks: [...value.tracks], generatedAt: value.generatedAt };
    freshnessByResult.set(snapshot, freshness);
    versionByResult.set(snapshot, value.version);
    return snapshot;
  }

  async function fetchCatalogue(token: string, signal: AbortSignal, waitOnRateLimit: boolean): Promise<FullCatalogue> {
    const { items, skipped } = await listEvery(client, {
      path: '/entities/Track',
      q: { status: 'approved' },
      sort: 'created_date',
      token,
      record: trackRecordSchema,
      idOf: (wire) => wire.track.id,
      signal,
      waitOnRateLimit,
      chunkSize: fullChunkSize,
    });
    if (skipped.length > 0) {
      const which = skipped.slice(0, 20).map((s) => `#${s.index} id=${s.id ?? '?'} (${s.reason})`).join(', ');
      log(`[base44] catalogue: skipped ${skipped.length} malformed Track record(s): ${which}`.slice(0, 1000));
    }
    const tracks = items
      .filter(isApproved)
      .map((wire) => Object.freeze(wire.track))
      .reverse();
    const version = createHash('sha256').update(JSON.stringify(tracks)).digest('base64url').slice(0, 27);
    return Object.freeze({ tracks: Object.freeze(tracks), generatedAt: new Date().toISOString(), version });
  }

  /** After a write that changes tracks: the next reads go upstream (old copies stay as stale). */
  function invalidateCatalogue(): void {
    cache.invalidateTag(TAG);
    fullCache.invalidateTag(TAG);
  }

  return { listTracks, getTrack, getTrackMediaSource, getTrackMedia, listCatalogue, invalidateCatalogue };
}

export type CatalogueVerbs = ReturnType<typeof catalogueVerbs>;

function trackKey(id: string): string {
  return `track:${id}`;
}

function older(a: Freshness, b: Freshness): Freshness {
  if (a.source === 'stale' || b.source === 'stale') {
    return { source: 'stale', ageSeconds: Math.max(a.ageSeconds, b.ageSeconds) };
  }
  return a.ageSeconds >= b.ageSeconds ? a : b;
}
