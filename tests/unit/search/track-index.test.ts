import { describe, expect, it } from 'vitest';
import type { Track } from '@/lib/domain/types';
import { compareTracks } from '@/lib/search/order';
import { TrackSearchIndex, type LibraryQuery } from '@/lib/search/track-index';
import { syntheticTracks } from './support/synthetic-tracks';

function track(id: string, patch: Partial<Track>): Track {
  return { ...syntheticTracks(1)[0]!, id, labelName: null, ...patch };
}

const POOL: Track[] = [
  track('t1', { title: 'Midnight Groove', artist: 'Kalo Ven', labelName: 'Velvet Records', genre: 'Techno', bpm: 128, key: '8A', energy: 'high', isVip: false, createdAt: '2024-01-03T00:00:00Z', downloadCount: 10, averageRating: 4.5 }),
  track('t2', { title: 'Warehouse Ritual', artist: 'Dana Mori', labelName: null, genre: 'Hard Techno', bpm: 145, key: '1A', energy: 'very_high', isVip: true, createdAt: '2024-01-05T00:00:00Z', downloadCount: 50, averageRating: null }),
  track('t3', { title: 'Solar Bloom', artist: 'Beyoncé Tribute', labelName: 'Midnight Audio', genre: 'Deep House', bpm: 122, key: '8A', energy: 'medium', isVip: false, createdAt: '2024-01-01T00:00:00Z', downloadCount: 50, averageRating: 3.9 }),
  track('t4', { title: 'Desert Signal', artist: 'Kalo Ven', labelName: 'Velvet Records', genre: 'Afro House', bpm: null, key: null, energy: null, isVip: true, createdAt: '2024-01-04T00:00:00Z', downloadCount: 3, averageRating: 4.5 }),
];

const index = () => new TrackSearchIndex(POOL).indexAll();
const ids = (query: LibraryQuery) => index().search(query).toArray().map((t) => t.id);

describe('TrackSearchIndex: text', () => {
  it('matches word prefixes in title, artist, label and genre', () => {
    expect(ids({ search: 'midn', sort: 'newest' })).toEqual(['t1', 't3']); // title t1, label t3
    expect(ids({ search: 'kal', sort: 'newest' })).toEqual(['t4', 't1']); // artist
    expect(ids({ search: 'velvet', sort: 'newest' })).toEqual(['t4', 't1']); // label
    expect(ids({ search: 'afro', sort: 'newest' })).toEqual(['t4']); // genre
  });

  it('requires every word (AND), each as a prefix, in any field', () => {
    expect(ids({ search: 'kalo desert', sort: 'newest' })).toEqual(['t4']);
    expect(ids({ search: 'techno ware', sort: 'newest' })).toEqual(['t2']);
    expect(ids({ search: 'kalo solar', sort: 'newest' })).toEqual([]);
  });

  it('forgives a typo from four letters on, not in shorter words', () => {
    expect(ids({ search: 'warehuose', sort: 'newest' })).toEqual(['t2']); // two edits in nine letters
    expect(ids({ search: 'grove', sort: 'newest' })).toEqual(['t1']); // one edit in five letters
    expect(ids({ search: 'sloar', sort: 'newest' })).toEqual([]); // a swap is two edits: too many for five letters
    expect(ids({ search: 'mud', sort: 'newest' })).toEqual([]); // three letters: prefix only
  });

  it('puts tracks matched without a typo before those that needed one, each group in the sort order', () => {
    const pool = [
      track('aya-new', { title: 'Night Drive', artist: 'Aya Mori', createdAt: '2024-03-01T00:00:00Z' }),
      track('kaya-old', { title: 'Moon Ritual', artist: 'Kaya Lune', createdAt: '2024-01-01T00:00:00Z' }),
      track('aya-mid', { title: 'Glass', artist: 'Aya Mori', createdAt: '2024-02-01T00:00:00Z' }),
      track('kaya-new', { title: 'Tide', artist: 'Kaya Lune', createdAt: '2024-02-15T00:00:00Z' }),
    ];
    const idx = new TrackSearchIndex(pool).indexAll();
    const found = (search: string) => idx.search({ search, sort: 'newest' }).toArray().map((t) => t.id);
    // "kaya": Kaya Lune by prefix; Aya Mori one edit away.
    expect(found('kaya')).toEqual(['kaya-new', 'kaya-old', 'aya-new', 'aya-mid']);
    // Every word must match by prefix for the first group: "kaya tide" finds Tide first.
    expect(found('kaya tide')).toEqual(['kaya-new']);
    expect(found('kaya glass')).toEqual(['aya-mid']); // a typo in the first word: second group only
    // No typo in play: the plain sort order.
    expect(found('aya')).toEqual(['aya-new', 'aya-mid']);
  });

  it('ranks whole title/artist words, then title/artist prefixes, then label/genre, then typos; each tier in the sort', () => {
    const pool = [
      track('genre', { title: 'Night Shift', artist: 'Oren Vale', labelName: null, genre: 'Deep House', createdAt: '2024-05-01T00:00:00Z' }),
      track('label', { title: 'Lanterns', artist: 'Mira Solis', labelName: 'Deepwater Records', genre: 'Techno', createdAt: '2024-04-01T00:00:00Z' }),
      track('prefix', { title: 'Deeper Still', artist: 'Kalo Ven', labelName: null, genre: 'Techno', createdAt: '2024-03-01T00:00:00Z' }),
      track('typo', { title: 'Keep Moving', artist: 'Dana Mori', labelName: null, genre: 'Techno', createdAt: '2024-06-01T00:00:00Z' }),
      track('exact-old', { title: 'Deep Blue', artist: 'Aya Mori', labelName: null, genre: 'Techno', createdAt: '2024-01-01T00:00:00Z' }),
      track('exact-new', { title: 'Run', artist: 'Deep Circle', labelName: null, genre: 'Techno', createdAt: '2024-02-01T00:00:00Z' }),
    ];
    const idx = new TrackSearchIndex(pool).indexAll();
    const found = (search: string) => idx.search({ search, sort: 'newest' }).toArray().map((t) => t.id);
    expect(found('deep')).toEqual(['exact-new', 'exact-old', 'prefix', 'genre', 'label', 'typo']);
    // Every word decides: "techno" is only a genre here, so all of them share the label/genre tier.
    expect(found('deep techno')).toEqual(['label', 'prefix', 'exact-new', 'exact-old', 'typo']);
    expect(found('aya deep')).toEqual(['exact-old']);
  });

  it('ignores case, accents and punctuation', () => {
    expect(ids({ search: 'BEYONCE', sort: 'newest' })).toEqual(['t3']);
    expect(ids({ search: 'beyoncé', sort: 'newest' })).toEqual(['t3']);
    expect(ids({ search: '  solar,  ', sort: 'newest' })).toEqual(['t3']);
  });

  it('treats empty or punctuation-only text as no search', () => {
    expect(ids({ search: '', sort: 'newest' })).toHaveLength(4);
    expect(ids({ search: ' & ', sort: 'newest' })).toHaveLength(4);
  });

  it('answers a changed query after a previous one (no stale marks between keystrokes)', () => {
    const idx = index();
    expect(idx.search({ search: 'kalo', sort: 'newest' }).length).toBe(2);
    expect(idx.search({ search: 'solar', sort: 'newest' }).toArray().map((t) => t.id)).toEqual(['t3']);
    expect(idx.search({ search: 'kalo', sort: 'newest' }).length).toBe(2);
    expect(idx.search({ sort: 'newest' }).length).toBe(4);
  });
});

describe('TrackSearchIndex: filters', () => {
  it('filters by genre, energy, key, VIP and BPM range like the server', () => {
    expect(ids({ genre: 'Techno', sort: 'newest' })).toEqual(['t1']);
    expect(ids({ energy: 'medium', sort: 'newest' })).toEqual(['t3']);
    expect(ids({ key: '8A', sort: 'newest' })).toEqual(['t1', 't3']);
    expect(ids({ vipOnly: true, sort: 'newest' })).toEqual(['t2', 't4']);
    // A BPM bound leaves out tracks without a BPM (t4).
    expect(ids({ bpmMin: 120, bpmMax: 130, sort: 'newest' })).toEqual(['t1', 't3']);
    expect(ids({ bpmMin: 140, sort: 'newest' })).toEqual(['t2']);
  });

  it('combines text and filters', () => {
    expect(ids({ search: 'kalo', vipOnly: true, sort: 'newest' })).toEqual(['t4']);
    expect(ids({ search: 'midnight', key: '8A', genre: 'Deep House', sort: 'newest' })).toEqual(['t3']);
  });
});

describe('TrackSearchIndex: sort', () => {
  it('orders by the sort field descending, ties by id descending, missing values last (the server order)', () => {
    expect(ids({ sort: 'newest' })).toEqual(['t2', 't4', 't1', 't3']);
    expect(ids({ sort: 'downloads' })).toEqual(['t3', 't2', 't1', 't4']); // t3 and t2 tie on 50
    expect(ids({ sort: 'rating' })).toEqual(['t4', 't1', 't3', 't2']); // t4/t1 tie; t2 unrated
  });

  it('agrees with compareTracks on a large synthetic pool', () => {
    const tracks = syntheticTracks(3_000, 11);
    const idx = new TrackSearchIndex(tracks).indexAll();
    for (const sort of ['newest', 'downloads', 'rating'] as const) {
      const expected = [...tracks].sort((a, b) => compareTracks(sort, a, b)).map((t) => t.id);
      expect(idx.search({ sort }).toArray().map((t) => t.id)).toEqual(expected);
    }
  });

  it('re-sorts after replace() without re-indexing, and keeps earlier answers intact', () => {
    const idx = index();
    const before = idx.search({ sort: 'rating' });
    expect(idx.replace([{ ...POOL[1]!, averageRating: 5 }])).toBe(true);
    expect(idx.search({ sort: 'rating' }).toArray().map((t) => t.id)).toEqual(['t2', 't4', 't1', 't3']);
    expect(before.toArray().map((t) => t.id)).toEqual(['t4', 't1', 't3', 't2']);
    expect(before.at(3)?.averageRating).toBeNull();
    // A changed title cannot be patched in: the caller must rebuild.
    expect(idx.replace([{ ...POOL[0]!, title: 'Renamed' }])).toBe(false);
  });
});

describe('TrackSearchIndex: building', () => {
  it('indexes in chunks and refuses to answer before it is complete', () => {
    const idx = new TrackSearchIndex(syntheticTracks(1_000));
    expect(idx.indexNext(400)).toBe(600);
    expect(idx.ready).toBe(false);
    expect(idx.progress).toBeCloseTo(0.4);
    expect(() => idx.search({ sort: 'newest' })).toThrow(/still being built/);
    expect(idx.indexNext(10_000)).toBe(0);
    expect(idx.search({ sort: 'newest' }).length).toBe(1_000);
  });

  it('finds every track whose words contain the query as a prefix (superset check against a scan)', () => {
    const tracks = syntheticTracks(5_000, 3);
    const idx = new TrackSearchIndex(tracks).indexAll();
    for (const q of ['mid', 'velvet', 'ka', 'records', 'ho']) {
      const scan = tracks.filter((t) =>
        [t.title, t.artist, t.labelName ?? '', t.genre].some((field) => field.toLowerCase().split(/[^a-z0-9]+/).some((w) => w.startsWith(q))),
      );
      const found = new Set(idx.search({ search: q, sort: 'newest' }).toArray().map((t) => t.id));
      expect(scan.length).toBeGreaterThan(0);
      for (const t of scan) expect(found.has(t.id)).toBe(true);
    }
  });

  it('answers keystrokes over 50 000 tracks in a loose sanity bound (timing lives in the bench)', () => {
    const idx = new TrackSearchIndex(syntheticTracks(50_000)).indexAll();
    const start = performance.now();
    for (const q of ['m', 'mi', 'mid', 'midn', 'midni', 'midnight', 'midnight g']) idx.search({ search: q, sort: 'newest' });
    expect((performance.now() - start) / 7).toBeLessThan(250);
  });
});
