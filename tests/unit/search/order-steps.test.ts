import { describe, expect, it } from 'vitest';
import { compareTracks, sortedPositions, sortPositionsInSteps } from '@/lib/search/order';
import { TrackSearchIndex } from '@/lib/search/track-index';
import { buildTrackIndex } from '@/lib/search/build';
import { syntheticTracks } from './support/synthetic-tracks';

const SORTS = ['newest', 'downloads', 'rating'] as const;

describe('sorting in steps', () => {
  it('gives the order compareTracks defines, for every sort and sizes around the run length', () => {
    for (const n of [0, 1, 511, 512, 513, 1_500, 4_099]) {
      const tracks = syntheticTracks(n, n + 1);
      for (const sort of SORTS) {
        const expected = [...tracks].sort((a, b) => compareTracks(sort, a, b)).map((t) => t.id);
        expect(Array.from(sortedPositions(tracks, sort), (p) => tracks[p]!.id)).toEqual(expected);
      }
    }
  });

  it('does a bounded piece of work per step', () => {
    const tracks = syntheticTracks(20_000);
    const steps = sortPositionsInSteps(tracks, 'rating', 1_000);
    let count = 0;
    for (;;) {
      const step = steps.next();
      if (step.done) {
        expect(step.value.length).toBe(20_000);
        break;
      }
      count += 1;
    }
    // 20 key chunks + 40 runs of 512 + 6 merge passes of 20 chunks each: no step sorts or merges more.
    expect(count).toBeGreaterThanOrEqual(20 + 39 + 6 * 20);
  });

  it('prepares an index order in steps, and drops it when a replace() happened meanwhile', () => {
    const tracks = syntheticTracks(3_000);
    const idx = new TrackSearchIndex(tracks).indexAll();
    const steps = idx.prepareInSteps('downloads');
    steps.next();
    expect(idx.replace([{ ...tracks[0]!, downloadCount: 1_000_000 }])).toBe(true);
    while (!steps.next().done);
    // The order was computed on the old counters: the search sorts afresh and puts the patched track first.
    expect(idx.search({ sort: 'downloads' }).at(0)?.id).toBe(tracks[0]!.id);
  });

  it('builds with the on-screen sort prepared, in slices (no idle callback in Node: timer slices)', async () => {
    const tracks = syntheticTracks(10_000);
    let progressCalls = 0;
    const idx = await buildTrackIndex(tracks, { sorts: ['rating'], sliceMs: 4, onProgress: () => (progressCalls += 1) });
    expect(idx.ready).toBe(true);
    expect(progressCalls).toBeGreaterThan(5);
    const expected = [...tracks].sort((a, b) => compareTracks('rating', a, b)).slice(0, 20).map((t) => t.id);
    expect(idx.search({ sort: 'rating' }).toArray().slice(0, 20).map((t) => t.id)).toEqual(expected);
  });

  it('prepares the other sorts in idle time after resolving, so picking one later does not sort then', async () => {
    const idx = await buildTrackIndex(syntheticTracks(5_000), { sorts: ['newest'], laterSorts: ['newest', 'downloads', 'rating'], sliceMs: 4 });
    const prepared = (sort: 'downloads' | 'rating') => idx.prepareInSteps(sort).next().done === true;
    expect(prepared('downloads') && prepared('rating')).toBe(false);
    await expect.poll(() => prepared('downloads') && prepared('rating'), { timeout: 5_000, interval: 20 }).toBe(true);
  });
});
