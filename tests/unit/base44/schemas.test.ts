import { describe, expect, it } from 'vitest';
import { playlistRecordSchema } from '@/lib/base44/playlists';
import { trackListSchema, trackRecordSchema } from '@/lib/base44/tracks';
import { sessionSchema, userRecordSchema } from '@/lib/base44/users';
import { genreSpellings, toGenre } from '@/lib/base44/vocabulary';
import { GENRES } from '@/lib/domain/enums';

const base = { id: 'trk_9', title: 'Night Drive', status: 'approved' };
const track = (fields: Record<string, unknown>) => trackRecordSchema.parse({ ...base, ...fields });
const user = (fields: Record<string, unknown>) => userRecordSchema.parse({ id: 'u1', email: 'a@b.c', ...fields });

describe('track wire schema', () => {
  it.each(['audio_url', 'audio_file', 'file_url', 'mp3_url'])('reads the audio file from %s', (field) => {
    const { track: t, media } = track({ [field]: 'https://files.example/a.mp3' });
    expect(t.audioUrl).toBe('/api/tracks/trk_9/audio');
    expect(media.audio).toBe('https://files.example/a.mp3');
  });

  it.each(['artwork_url', 'cover_image', 'cover_url'])('reads the artwork from %s', (field) => {
    const { track: t, media } = track({ [field]: 'https://files.example/a.jpg' });
    expect(t.artworkUrl).toBe('/api/tracks/trk_9/artwork');
    expect(media.artwork).toBe('https://files.example/a.jpg');
  });

  it('has no media URLs when the record has no files, and encodes odd ids', () => {
    const { track: t, media } = track({ id: 'a/b c', audio_url: '  ', cover_url: null });
    expect([t.audioUrl, t.artworkUrl, media.audio, media.artwork]).toEqual([null, null, null, null]);
    expect(track({ id: 'a/b', audio_url: 'https://x/y' }).track.audioUrl).toBe('/api/tracks/a%2Fb/audio');
  });

  it.each([
    [{ artist_name: 'Artist Name' }, 'Artist Name'],
    [{ artist: 'Legacy Artist' }, 'Legacy Artist'],
    [{ producer_name: 'Producer' }, 'Producer'],
    [{ artist_name: '', artist: 'Fallback' }, 'Fallback'],
    [{}, 'Unknown artist'],
  ])('reads the artist from %j', (fields, artist) => {
    expect(track(fields).track.artist).toBe(artist);
  });

  it.each([
    ['low', 'low'], ['medium', 'medium'], ['high', 'high'], ['very_high', 'very_high'],
    ['Low', 'low'], ['Medium', 'medium'], ['High', 'high'], ['Very High', 'very_high'],
    ['very-high', 'very_high'], ['extreme', null], [null, null], [3, null],
  ])('reads energy %j as %j', (energy_level, energy) => {
    expect(track({ energy_level }).track.energy).toBe(energy);
  });

  it.each([
    ['Tech House', 'Tech House'], ['tech house', 'Tech House'], ['TECH-HOUSE', 'Tech House'],
    ['Melodic House & Techno', 'Melodic House & Techno'], ['melodic house and techno', 'Melodic House & Techno'],
    ['Melodic Techno', 'Melodic House & Techno'], ['Drum and Bass', 'Drum & Bass'], ['drum&bass', 'Drum & Bass'],
    ['DnB', 'Drum & Bass'], ['Minimal/Deep Tech', 'Minimal / Deep Tech'], ['Deep Tech', 'Minimal / Deep Tech'],
    ['Nu Disco', 'Disco / Nu Disco'], ['Disco/Nu-Disco', 'Disco / Nu Disco'], ['Afro', 'Afro House'],
    ['Techno (Peak Time / Driving)', 'Techno'], ['Dubstep', 'Other'], ['', 'Other'], [null, 'Other'], [undefined, 'Other'],
  ])('reads genre %j as %j', (genre, canonical) => {
    expect(track({ genre }).track.genre).toBe(canonical);
  });

  it('reads every canonical genre as itself, and filters on its legacy spellings too', () => {
    for (const genre of GENRES) expect(toGenre(genre)).toBe(genre);
    expect(genreSpellings('Drum & Bass')).toEqual(expect.arrayContaining(['Drum & Bass', 'Drum and Bass', 'DnB']));
    for (const genre of GENRES) for (const spelling of genreSpellings(genre)) expect(toGenre(spelling)).toBe(genre);
  });

  it('reads numbers and booleans sent as strings', () => {
    const t = track({
      bpm: '126', duration: '312.5', play_count: '12', download_count: 3.0, rating_count: 'n/a',
      average_rating: '4.5', is_vip: 'true', is_unreleased: 1, vip_requested: 'no',
      vip_preview_start: '30', vip_preview_end: 90, key: '08a',
    }).track;
    expect(t).toMatchObject({
      bpm: 126, durationSeconds: 312.5, playCount: 12, downloadCount: 3, ratingCount: 0,
      averageRating: 4.5, isVip: true, isUnreleased: true, vipRequested: false,
      vipPreview: { startSeconds: 30, endSeconds: 90 }, key: '8A',
    });
  });

  it('reads missing and null fields as defaults, one canonical value each', () => {
    const t = trackRecordSchema.parse({ id: 7, title: 'Bare', bpm: null, key: 'H#', status: null }).track;
    expect(t).toMatchObject({
      id: '7', artist: 'Unknown artist', genre: 'Other', bpm: null, key: null, energy: null,
      status: 'pending', playCount: 0, averageRating: null, isVip: false, vipPreview: null,
      producerId: null, createdAt: '1970-01-01T00:00:00.000Z',
    });
  });

  it('reads Base44 timestamps without a zone as UTC', () => {
    const t = track({ created_date: '2025-03-01T10:00:00.123000', updated_date: '2025-03-02T10:00:00+02:00' }).track;
    expect(t.createdAt).toBe('2025-03-01T10:00:00.123Z');
    expect(t.updatedAt).toBe('2025-03-02T08:00:00.000Z');
  });

  it.each([
    [{ id: 'x' }, 'title'],
    [{ title: 'No id' }, 'id'],
    [{ id: '', title: 'Empty id' }, 'id'],
    [{ id: 'x', title: 42 }, 'title'],
  ])('rejects a record it cannot show: %j', (record, field) => {
    const parsed = trackRecordSchema.safeParse(record);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual([field]);
  });

  it('keeps the good records of a list and reports the bad ones', () => {
    const { tracks, skipped } = trackListSchema.parse([base, null, { id: 'b' }, { ...base, id: 'c' }]);
    expect(tracks.map((t) => t.track.id)).toEqual(['trk_9', 'c']);
    expect(skipped.map((s) => [s.index, s.id])).toEqual([[1, null], [2, 'b']]);
  });
});

describe('user wire schema', () => {
  it.each([
    ['dj', 'dj'], ['DJ', 'dj'], ['Producer', 'producer'], ['artist', 'producer'], ['dj_producer', 'dj_producer'],
    ['DJ/Producer', 'dj_producer'], ['DJ & Producer', 'dj_producer'], ['both', 'dj_producer'],
    ['Label', 'label'], ['record_label', 'label'], ['listener', 'listener'], ['fan', 'listener'],
    ['astronaut', 'listener'], [null, 'listener'],
  ])('reads user_type %j as %j', (user_type, userType) => {
    expect(user({ user_type }).userType).toBe(userType);
  });

  it.each([['admin', 'admin'], ['Admin', 'admin'], ['admin_readonly', 'admin_readonly'], ['owner', 'user'], [undefined, 'user']])(
    'reads role %j as %j',
    (role, expected) => expect(user({ role }).role).toBe(expected),
  );

  it('flattens the custom fields a login answer keeps under user.data', () => {
    const session = sessionSchema.parse({
      access_token: 'tok',
      user: {
        id: 'u1', email: 'dj@example.com', full_name: 'Dee Jay', role: 'user', artist_name: null,
        data: { user_type: 'DJ/Producer', artist_name: 'DJ Dee', black_diamonds: '4', soundcloud: 'https://sc/x', preferred_genres: ['tech house', 'DnB', 'Tech House'] },
      },
    });
    expect(session.user).toMatchObject({
      fullName: 'Dee Jay', userType: 'dj_producer', artistName: 'DJ Dee', blackDiamonds: 4,
      soundcloudUrl: 'https://sc/x', preferredGenres: ['Tech House', 'Drum & Bass'],
    });
  });

  it('reads a comma-separated genre list and missing fields', () => {
    expect(user({ preferred_genres: 'Techno, Trance' })).toMatchObject({
      preferredGenres: ['Techno', 'Trance'], fullName: '', blackDiamonds: 0, bio: null, avatarUrl: null,
    });
  });

  it('rejects a user without an email', () => {
    expect(userRecordSchema.safeParse({ id: 'u1' }).success).toBe(false);
  });
});

describe('playlist wire schema', () => {
  const playlist = (fields: Record<string, unknown>) => playlistRecordSchema.parse({ id: 'p1', name: 'Peak', ...fields });

  it.each([
    [{ user_id: 'u1', track_ids: ['a', 'b'] }, ['a', 'b']],
    [{ user_id: 'u1', tracks: ['a', 'b', 'a'] }, ['a', 'b']],
    [{ user_id: 'u1', tracks: [{ id: 'a' }, { track_id: 'b' }, { nope: 1 }] }, ['a', 'b']],
    [{ user_id: 'u1', track_ids: [], tracks: ['a'] }, ['a']],
    [{ user_id: 'u1' }, []],
  ])('reads the track list of %j', (fields, trackIds) => {
    expect(playlist(fields).trackIds).toEqual(trackIds);
  });

  it('reads the owner from user_id, owner_id or created_by_id, and needs one', () => {
    expect(playlist({ created_by_id: 'u9', is_public: 'true' })).toMatchObject({ ownerId: 'u9', isPublic: true });
    expect(playlistRecordSchema.safeParse({ id: 'p1', name: 'x' }).success).toBe(false);
  });
});
