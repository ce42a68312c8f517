import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ConsoleDatabase } from '@/lib/offline/db';
import { dexieCueStore } from '@/lib/player/cue-store';
import { emptyCues, withCuePoint, withHotCue } from '@/lib/player/hot-cues';
import { crossfaderShares, deckOutputGain } from '@/lib/player/mixer-curve';
import { clampToWindow, isPastWindow, playWindow } from '@/lib/player/preview';
import { EMPTY_QUEUE, nextIndex, previousIndex, setShuffle, shuffledOrder, startQueue } from '@/lib/player/queue';
import { toPlayerTrack } from '@/lib/player/track';
import { track } from './fake-backend';

describe('the queue', () => {
  const tracks = ['a', 'b', 'c'].map((id) => track(id));

  it('plays in order, stops at the end, wraps with repeat-all and replays with repeat-one', () => {
    let queue = startQueue(EMPTY_QUEUE, tracks, 1, Math.random);
    expect(queue.index).toBe(1);
    expect(nextIndex(queue, true)).toBe(2);
    queue = { ...queue, index: 2 };
    expect(nextIndex(queue, true)).toBeNull();
    expect(nextIndex(queue, false)).toBeNull();
    expect(previousIndex(queue)).toBe(1);
    expect(previousIndex({ ...queue, index: 0 })).toBeNull();
    expect(nextIndex({ ...queue, repeat: 'all' }, true)).toBe(0);
    expect(previousIndex({ ...queue, index: 0, repeat: 'all' })).toBe(2);
    expect(nextIndex({ ...queue, repeat: 'one' }, true)).toBe(2);
    // The DJ's own "next" leaves a repeated track.
    expect(nextIndex({ ...queue, index: 1, repeat: 'one' }, false)).toBe(2);
  });

  it('shuffles into a permutation that keeps the current track first and visits every track once', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const order = shuffledOrder(10, 4, random);
    expect(order[0]).toBe(4);
    expect([...order].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    let queue = setShuffle(startQueue(EMPTY_QUEUE, tracks, 2, random), true, random);
    const visited = [queue.index];
    for (let i = 0; i < 2; i += 1) {
      const next = nextIndex(queue, true)!;
      visited.push(next);
      queue = { ...queue, index: next };
    }
    expect(visited[0]).toBe(2);
    expect([...visited].sort()).toEqual([0, 1, 2]);
    expect(nextIndex(queue, true)).toBeNull();
    expect(setShuffle(queue, false, random).order).toEqual([0, 1, 2]);
  });
});

describe('the preview window of a locked VIP track', () => {
  const window = playWindow(track('v', { preview: { startSeconds: 30, endSeconds: 60 } }));

  it('keeps every position inside the window and says when its end is reached', () => {
    expect(clampToWindow(0, window)).toBe(30);
    expect(clampToWindow(45, window)).toBe(45);
    expect(clampToWindow(60, window)).toBe(30);
    expect(clampToWindow(170, window)).toBe(30);
    expect(clampToWindow(Number.NaN, window)).toBe(30);
    expect(isPastWindow(59.9, window)).toBe(false);
    expect(isPastWindow(60, window)).toBe(true);
  });

  it('lets an open track play anywhere', () => {
    const whole = playWindow(track('o'));
    expect(clampToWindow(170, whole)).toBe(170);
    expect(isPastWindow(10_000, whole)).toBe(false);
  });
});

describe('the equal-power crossfader', () => {
  it('keeps the summed power at 1 over the whole travel, with silent ends', () => {
    for (let x = 0; x <= 1.0001; x += 0.05) {
      const { A, B } = crossfaderShares(x);
      expect(A * A + B * B).toBeCloseTo(1, 10);
    }
    expect(crossfaderShares(0)).toEqual({ A: 1, B: 0 });
    expect(crossfaderShares(1)).toEqual({ A: 0, B: 1 });
    expect(crossfaderShares(0.5).A).toBeCloseTo(Math.SQRT1_2, 10);
    expect(crossfaderShares(-3)).toEqual({ A: 1, B: 0 });
    expect(crossfaderShares(0.25).A).toBeCloseTo(Math.cos(Math.PI / 8), 10);
  });

  it("multiplies each deck's fader by its share", () => {
    expect(deckOutputGain('A', 0.5, 0)).toBe(0.5);
    expect(deckOutputGain('B', 0.5, 0)).toBe(0);
    expect(deckOutputGain('B', 2, 1)).toBe(1);
  });
});

describe('hot cues', () => {
  it('sets and clears four slots, ignores other slots, and keeps them per DJ in IndexedDB', async () => {
    let cues = withHotCue(emptyCues(), 2, 12.34567);
    cues = withHotCue(cues, 7, 99);
    cues = withCuePoint(cues, 4.5);
    expect(cues).toEqual({ cuePoint: 4.5, hotCues: [null, null, 12.346, null] });
    expect(withHotCue(cues, 2, null).hotCues).toEqual([null, null, null, null]);

    const db = new ConsoleDatabase(`cues-${process.pid}`);
    const store = dexieCueStore(() => db);
    await store.save('dj-1', 't1', cues);
    await store.save('dj-2', 't1', withHotCue(emptyCues(), 0, 1));
    expect(await store.load('dj-1', 't1')).toEqual(cues);
    expect((await store.load('dj-2', 't1'))?.hotCues).toEqual([1, null, null, null]);
    expect(await store.load('dj-1', 'other')).toBeNull();
    db.close();
  });
});

describe('which tracks may play, and how much', () => {
  const base = {
    id: 't', title: 'T', artist: 'A', producerId: null, audioUrl: '/api/tracks/t/audio', artworkUrl: null, bpm: 120, key: '8A',
    durationSeconds: 200, isVip: true, vipPreview: { startSeconds: 40, endSeconds: 70 },
  } as unknown as import('@/lib/domain/types').Track;

  it('gives a locked VIP track its preview clip only (the window in clip time), and an unlocked one its full audio', () => {
    expect(toPlayerTrack(base, true)).toMatchObject({
      audioUrl: '/api/tracks/t/preview',
      durationSeconds: 30,
      preview: { startSeconds: 0, endSeconds: 30 },
    });
    expect(toPlayerTrack(base, false)).toMatchObject({ audioUrl: '/api/tracks/t/audio', durationSeconds: 200, preview: null });
  });

  it('refuses a locked track without preview, and any track without audio', () => {
    expect(toPlayerTrack({ ...base, vipPreview: null }, true)).toBeNull();
    expect(toPlayerTrack({ ...base, audioUrl: null }, false)).toBeNull();
  });
});
