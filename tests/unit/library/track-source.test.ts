import { describe, expect, it } from 'vitest';
import { sameRows, sameTrack, type TrackSource } from '@/components/library/track-source';
import { createIndexProgress } from '@/components/library/index-progress';
import { syntheticTracks } from '../search/support/synthetic-tracks';

const tracks = syntheticTracks(30);
const copies = () => tracks.map((t) => JSON.parse(JSON.stringify(t)) as (typeof tracks)[number]);
const of = (list: typeof tracks, extra: Partial<TrackSource> = {}): TrackSource => ({ count: list.length, at: (i) => list[i], ...extra });

describe('sameRows: the list keeps its source when the rows did not change', () => {
  it('holds for a server page and the catalogue copies of the same tracks', () => {
    expect(sameRows(of(tracks), of(copies()))).toBe(true);
    expect(sameTrack({ ...tracks[0]!, vipPreview: { startSeconds: 1, endSeconds: 2 } }, { ...tracks[0]!, vipPreview: { startSeconds: 1, endSeconds: 2 } })).toBe(true);
  });

  it('fails on another order, another length, a changed field, or different paging', () => {
    expect(sameRows(of(tracks), of([...tracks].reverse()))).toBe(false);
    expect(sameRows(of(tracks), of(tracks.slice(1)))).toBe(false);
    const rated = copies();
    rated[7] = { ...rated[7]!, averageRating: 4.9 };
    expect(sameRows(of(tracks), of(rated))).toBe(false);
    const loadMore = () => undefined;
    expect(sameRows(of(tracks, { hasMore: true, loadMore }), of(tracks))).toBe(false);
    expect(sameRows(of(tracks, { hasMore: true, loadMore }), of(tracks, { hasMore: true, loadMore: () => undefined }))).toBe(false);
    expect(sameRows(of(tracks, { hasMore: true, loadMore }), of(copies(), { hasMore: true, loadMore }))).toBe(true);
    // Nothing more to load: the server's pager and the local index's lack of one are the same rows.
    expect(sameRows(of(tracks, { hasMore: false, loadMore }), of(tracks))).toBe(true);
  });
});

describe('index progress', () => {
  it('tells subscribers about steps of 5 %, the end, and a restart, not every tick', () => {
    const progress = createIndexProgress();
    const heard: number[] = [];
    progress.subscribe(() => heard.push(progress.get()));
    for (let p = 0.01; p < 1; p += 0.01) progress.set(p);
    progress.set(1);
    progress.set(1);
    progress.set(0);
    expect(heard.length).toBeGreaterThanOrEqual(19);
    expect(heard.length).toBeLessThanOrEqual(22);
    expect(heard.slice(-2)).toEqual([1, 0]);
  });
});
