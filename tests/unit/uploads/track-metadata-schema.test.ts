import { describe, expect, it } from 'vitest';
import { newTrackSchema, trackMetadataPatchSchema, trackMetadataSchema } from '@/lib/domain/track-metadata';

const valid = {
  title: '  Night Drive ',
  artist: 'Kaya Lune',
  labelName: '',
  collaborators: 'MC Nobody',
  genre: 'Melodic House & Techno',
  bpm: '124,5',
  key: '08a',
  energy: 'high',
  mood: 'dark',
  releaseDate: '2026-03-01',
  isrc: 'fr-z03-25-00001',
  iswc: 'T 123 456 789 0',
  description: '',
  isUnreleased: true,
  vipRequested: false,
  rightsConfirmed: true,
  freeDownloadAuthorized: false,
};

const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));

describe('trackMetadataSchema (the upload form, the editor and the routes)', () => {
  it('normalises what a form sends: trimmed text, blank → null, numbers, Camelot, ISRC, ISWC', () => {
    expect(trackMetadataSchema.parse(valid)).toEqual({
      ...valid,
      title: 'Night Drive',
      labelName: null,
      description: null,
      bpm: 124.5,
      key: '8A',
      isrc: 'FRZ032500001',
      iswc: 'T-123.456.789-0',
    });
  });

  it('says which required fields are missing', () => {
    const { title: _t, genre: _g, ...rest } = valid;
    const result = trackMetadataSchema.safeParse({ ...rest, artist: '  ', rightsConfirmed: false });
    expect(issuesOf(result)).toMatchObject({
      title: expect.any(String),
      artist: 'Enter the artist or producer name',
      genre: 'Choose a genre from the list',
      rightsConfirmed: 'Confirm that you own or control the rights to this track',
    });
  });

  it('refuses values outside the canonical sets and bad codes, with a reason each', () => {
    const result = trackMetadataSchema.safeParse({
      ...valid, genre: 'Polka', bpm: 400, key: '13C', energy: 'extreme', releaseDate: '01/03/2026', isrc: 'nope', iswc: '123',
    });
    expect(issuesOf(result)).toEqual({
      genre: 'Choose a genre from the list',
      bpm: 'BPM must be at most 250',
      key: 'Use a Camelot key, 1A to 12B',
      energy: 'Choose an energy level',
      releaseDate: 'Use a date as YYYY-MM-DD',
      isrc: expect.stringMatching(/^An ISRC is 12 characters/),
      iswc: expect.stringMatching(/^An ISWC is T followed by 10 digits/),
    });
    expect(issuesOf(trackMetadataSchema.safeParse({ ...valid, bpm: 'fast' }))).toEqual({ bpm: 'Enter the BPM as a number' });
  });

  it('refuses review fields (a forged status: approved) with a clear message, and unknown fields', () => {
    const forged = trackMetadataSchema.safeParse({ ...valid, status: 'approved' });
    expect(issuesOf(forged)).toEqual({ status: 'The status is set by review, not by the producer: new tracks are always pending' });
    expect(issuesOf(trackMetadataSchema.safeParse({ ...valid, isVip: true })).isVip).toMatch(/VIP is set by review/);
    expect(trackMetadataSchema.safeParse({ ...valid, producerId: 'someone-else' }).success).toBe(false);
  });
});

describe('newTrackSchema and trackMetadataPatchSchema', () => {
  const receipt = 'x'.repeat(40);

  it('a new track needs the audio receipt; artwork and duration are optional', () => {
    expect(newTrackSchema.safeParse({ ...valid, audio: receipt, durationSeconds: 215.3 }).success).toBe(true);
    expect(issuesOf(newTrackSchema.safeParse(valid))).toEqual({ audio: 'Upload the audio file first' });
    expect(issuesOf(newTrackSchema.safeParse({ ...valid, audio: receipt, status: 'approved' })).status).toMatch(/always pending/);
  });

  it('a patch takes any subset, refuses review fields and keeps rights confirmed', () => {
    expect(trackMetadataPatchSchema.parse({ bpm: '128' })).toEqual({ bpm: 128 });
    expect(trackMetadataPatchSchema.parse({})).toEqual({});
    expect(trackMetadataPatchSchema.safeParse({ status: 'approved' }).success).toBe(false);
    expect(trackMetadataPatchSchema.safeParse({ rightsConfirmed: false }).success).toBe(false);
    expect(trackMetadataPatchSchema.safeParse({ audio: receipt }).success).toBe(false);
  });
});
