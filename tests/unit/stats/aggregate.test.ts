import { describe, expect, it } from 'vitest';
import type { TrackPlay } from '@/lib/domain/stats';
import type { Track } from '@/lib/domain/types';
import { newestFirst, playPlaces, playsPerWeek, producerStats, trackStats, weekStartOf } from '@/lib/stats/aggregate';

let seq = 0;
function play(trackId: string, playedAt: string, place: Partial<TrackPlay> = {}): TrackPlay {
  seq += 1;
  return { id: `p${String(seq).padStart(3, '0')}`, trackId, playedAt, djId: 'dj1', djName: 'DJ Nova', venue: 'Club Orbit', city: 'Lyon', country: 'France', ...place };
}

function track(id: string, fields: Partial<Track> = {}): Track {
  return {
    id, title: `Track ${id}`, artist: 'Kaya Lune', producerId: 'prod1', collaborators: null, genre: 'House', bpm: 124, key: '8A',
    energy: null, mood: null, description: null, labelName: null, artworkUrl: null, audioUrl: null, durationSeconds: 180,
    isrc: null, iswc: null, status: 'approved', rejectionReason: null, playCount: 0, downloadCount: 0, averageRating: null,
    ratingCount: 0, releaseDate: null, isUnreleased: false, isVip: false, vipRequested: false, vipPreview: null,
    rightsConfirmed: true, freeDownloadAuthorized: false, createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z',
    ...fields,
  };
}

describe('weekStartOf', () => {
  it.each([
    ['2025-09-01T00:00:00.000Z', '2025-09-01'], // a Monday, at midnight
    ['2025-09-07T23:59:59.999Z', '2025-09-01'], // the Sunday after
    ['2025-09-08T00:00:00.000Z', '2025-09-08'],
    ['2025-01-01T12:00:00.000Z', '2024-12-30'], // across a year end
    ['1970-01-01T00:00:00.000Z', '1969-12-29'], // a Thursday
  ])('%s is in the week of %s', (time, monday) => {
    expect(new Date(weekStartOf(Date.parse(time))).toISOString().slice(0, 10)).toBe(monday);
  });
});

describe('playsPerWeek', () => {
  it('counts per week and fills the weeks without plays with 0, oldest first', () => {
    const plays = [
      play('a', '2025-09-05T22:20:00.000Z'), // week of 1 Sep
      play('a', '2025-09-07T23:00:00.000Z'), // same week (Sunday)
      play('a', '2025-09-22T01:00:00.000Z'), // week of 22 Sep; 8 and 15 Sep have none
    ];
    expect(playsPerWeek(plays)).toEqual([
      { weekStart: '2025-09-01', plays: 2 },
      { weekStart: '2025-09-08', plays: 0 },
      { weekStart: '2025-09-15', plays: 0 },
      { weekStart: '2025-09-22', plays: 1 },
    ]);
  });

  it('is empty without plays, ignores unreadable dates, and keeps the whole of a long history', () => {
    expect(playsPerWeek([])).toEqual([]);
    expect(playsPerWeek([play('a', 'not a date')])).toEqual([]);
    // Issue #18: a 52-week cap silently dropped the 2024 play while the headline still counted it.
    const long = [play('a', '2024-01-03T10:00:00.000Z'), play('a', '2025-09-03T10:00:00.000Z'), play('a', '2025-08-20T10:00:00.000Z')];
    const weeks = playsPerWeek(long);
    expect(weeks[0]).toEqual({ weekStart: '2024-01-01', plays: 1 });
    expect(weeks.at(-1)).toEqual({ weekStart: '2025-09-01', plays: 1 });
    expect(weeks).toHaveLength(88);
    expect(weeks.reduce((sum, w) => sum + w.plays, 0)).toBe(3);
  });
});

describe('where and when', () => {
  it('lists plays newest first, ties in a stable order', () => {
    const a = play('a', '2025-09-01T10:00:00.000Z');
    const b = play('a', '2025-10-01T10:00:00.000Z');
    const c = play('a', '2025-09-01T10:00:00.000Z');
    expect(newestFirst([a, c, b]).map((p) => p.id)).toEqual([b.id, a.id, c.id]);
  });

  it('groups places case-insensitively, most played first, then most recent', () => {
    const places = playPlaces([
      play('a', '2025-09-01T10:00:00.000Z', { venue: 'Warehouse 9', city: 'Brussels', country: 'Belgium' }),
      play('a', '2025-09-02T10:00:00.000Z', { venue: 'Club Orbit' }),
      play('a', '2025-09-03T10:00:00.000Z', { venue: 'club orbit ', city: 'lyon', country: 'france' }),
      play('a', '2025-10-01T10:00:00.000Z', { venue: 'Fabric', city: 'London', country: 'UK' }),
    ]);
    // The most recent spelling names the place.
    expect(places.map((p) => [p.venue, p.plays, p.lastPlayedAt.slice(0, 10)])).toEqual([
      ['club orbit ', 2, '2025-09-03'],
      ['Fabric', 1, '2025-10-01'],
      ['Warehouse 9', 1, '2025-09-01'],
    ]);
  });
});

describe('trackStats', () => {
  it('counts only the track’s own plays, with downloads, rating, first and last play', () => {
    const t = track('a', { downloadCount: 12, averageRating: 4.25, ratingCount: 8, playCount: 784 });
    const stats = trackStats(t, [
      play('a', '2025-09-05T22:20:00.000Z'),
      play('b', '2025-09-06T22:20:00.000Z'),
      play('a', '2025-09-12T22:40:00.000Z', { venue: 'Warehouse 9', city: 'Brussels', country: 'Belgium', djName: 'DJ Other', djId: 'dj2' }),
    ]);
    // Two measures, never mixed: plays in DJ sets (SessionTracks) and the catalogue's counter.
    expect(stats).toMatchObject({ plays: 2, cataloguePlays: 784, downloads: 12, averageRating: 4.25, ratingCount: 8 });
    expect(stats.firstPlayedAt).toBe('2025-09-05T22:20:00.000Z');
    expect(stats.lastPlayedAt).toBe('2025-09-12T22:40:00.000Z');
    expect(stats.history.map((p) => [p.venue, p.djName])).toEqual([['Warehouse 9', 'DJ Other'], ['Club Orbit', 'DJ Nova']]);
    expect(stats.weekly).toEqual([{ weekStart: '2025-09-01', plays: 1 }, { weekStart: '2025-09-08', plays: 1 }]);
  });

  it('shows no rating while nobody rated (legacy tracks store 0)', () => {
    const stats = trackStats(track('a', { averageRating: 0, ratingCount: 0 }), []);
    expect(stats).toMatchObject({ plays: 0, averageRating: null, ratingCount: 0, firstPlayedAt: null, lastPlayedAt: null, weekly: [], places: [] });
  });
});

describe('producerStats', () => {
  it('sums across the producer’s tracks, weights the rating by votes, and ignores other tracks’ plays', () => {
    const tracks = [
      track('a', { downloadCount: 10, averageRating: 5, ratingCount: 1, playCount: 700, createdAt: '2025-02-01T00:00:00.000Z' }),
      track('b', { downloadCount: 5, averageRating: 3, ratingCount: 3, playCount: 84, createdAt: '2025-03-01T00:00:00.000Z' }),
      track('c', { status: 'pending', createdAt: '2025-04-01T00:00:00.000Z' }),
      track('d', { status: 'rejected', rejectionReason: 'Clipping', createdAt: '2025-04-02T00:00:00.000Z' }),
    ];
    const stats = producerStats('prod1', tracks, [
      play('a', '2025-09-05T22:20:00.000Z'),
      play('a', '2025-09-12T22:20:00.000Z', { venue: 'Warehouse 9', city: 'Brussels', country: 'Belgium', djId: 'dj2', djName: 'DJ Two' }),
      play('b', '2025-09-13T22:20:00.000Z'),
      play('zzz', '2025-09-14T22:20:00.000Z'),
    ]);
    expect(stats.totals).toEqual({
      tracks: 4, approved: 2, pending: 1, rejected: 1, plays: 3, cataloguePlays: 784, downloads: 15,
      averageRating: 3.5, ratingCount: 4, venues: 2, djs: 2,
    });
    expect(stats.tracks.map((row) => [row.id, row.plays, row.cataloguePlays, row.status])).toEqual([
      ['d', 0, 0, 'rejected'], ['c', 0, 0, 'pending'], ['b', 1, 84, 'approved'], ['a', 2, 700, 'approved'],
    ]);
    expect(stats.tracks[0]!.rejectionReason).toBe('Clipping');
    expect(stats.recentPlays.map((p) => p.trackTitle)).toEqual(['Track b', 'Track a', 'Track a']);
    expect(stats.weekly).toEqual([{ weekStart: '2025-09-01', plays: 1 }, { weekStart: '2025-09-08', plays: 2 }]);
  });
});
