import { z } from 'zod';
import { lineText, multilineText } from './text';
import { CAMELOT_KEYS, ENERGY_LEVELS, GENRES } from './enums';

// The one schema for a track's metadata: the upload form, the "My tracks" editor and the route
// handlers (POST /api/my-tracks, PATCH /api/my-tracks/:id) all parse with it.

export const BPM_MIN = 40;
export const BPM_MAX = 250;
/** Longest track accepted: 6 hours (a long DJ mix). */
export const DURATION_MAX_SECONDS = 6 * 3600;

/** Forms send '' for an empty field, API callers may leave it out: both are null. */
const blankToNull = (value: unknown) => (value === undefined || (typeof value === 'string' && value.trim() === '') ? null : value);
const clearable = <T extends z.ZodType>(schema: T) => z.preprocess(blankToNull, schema.nullable());
const text = (max: number) => lineText().trim().max(max, `Use at most ${max} characters`);
const longText = (max: number) => multilineText().trim().max(max, `Use at most ${max} characters`);

/** A number typed in a form ('124', '124.5', '124,5') or sent as a JSON number. */
const numeric = (schema: z.ZodNumber) =>
  z.preprocess((value) => {
    if (typeof value !== 'string') return value;
    const parsed = Number(value.trim().replace(',', '.'));
    return Number.isFinite(parsed) ? parsed : value;
  }, schema);

const bpm = numeric(
  z.number('Enter the BPM as a number').min(BPM_MIN, `BPM must be at least ${BPM_MIN}`).max(BPM_MAX, `BPM must be at most ${BPM_MAX}`),
).transform((value) => Math.round(value * 100) / 100);

const camelotKey = z
  .string()
  .trim()
  .transform((value) => value.toUpperCase().replace(/^0+/, ''))
  .refine((value) => CAMELOT_KEYS.includes(value), 'Use a Camelot key, 1A to 12B');

/** ISRC: CC-XXX-YY-NNNNN, dashes and spaces optional, stored without them. */
const isrc = z
  .string()
  .transform((value) => value.replace(/[\s-]/g, '').toUpperCase())
  .refine((value) => /^[A-Z]{2}[A-Z0-9]{3}\d{7}$/.test(value), 'An ISRC is 12 characters: country, registrant, year, number (e.g. FR-Z03-25-00001)');

/** ISWC: T-123.456.789-0, punctuation optional, stored in that canonical form. */
const iswc = z
  .string()
  .transform((value) => value.replace(/[\s.-]/g, '').toUpperCase())
  .refine((value) => /^T\d{10}$/.test(value), 'An ISWC is T followed by 10 digits (e.g. T-123.456.789-0)')
  .transform((value) => `T-${value.slice(1, 4)}.${value.slice(4, 7)}.${value.slice(7, 10)}-${value.slice(10)}`);

const isoDate = z
  .string()
  .trim()
  .refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'Use a date as YYYY-MM-DD');

/** Fields only the review sets: a producer sending one is told why, not silently ignored. */
const setByReview = (what: string) => z.never({ error: `${what} is set by review, not by the producer: new tracks are always pending` }).optional();
const reviewFields = {
  status: setByReview('The status'),
  isVip: setByReview('VIP'),
  rejectionReason: setByReview('The rejection reason'),
  vipPreview: setByReview('The VIP preview window'),
};

export const trackMetadataShape = {
  title: text(200).min(1, 'Enter a title'),
  artist: text(200).min(1, 'Enter the artist or producer name'),
  labelName: clearable(text(200)),
  collaborators: clearable(text(500)),
  genre: z.enum(GENRES, 'Choose a genre from the list'),
  bpm: clearable(bpm),
  key: clearable(camelotKey),
  energy: clearable(z.enum(ENERGY_LEVELS, 'Choose an energy level')),
  mood: clearable(text(100)),
  releaseDate: clearable(isoDate),
  isrc: clearable(isrc),
  iswc: clearable(iswc),
  description: clearable(longText(2000)),
  isUnreleased: z.boolean(),
  vipRequested: z.boolean(),
  rightsConfirmed: z.literal(true, 'Confirm that you own or control the rights to this track'),
  freeDownloadAuthorized: z.boolean(),
};

/** Every field a producer fills in for a track. */
export const trackMetadataSchema = z.object({ ...trackMetadataShape, ...reviewFields }).strict();
export type TrackMetadata = z.infer<typeof trackMetadataSchema>;

/** An upload receipt: the opaque, sealed answer of `POST /api/uploads`. */
const receipt = (what: string) => z.string(`Upload the ${what} first`).min(20, `Upload the ${what} first`).max(4000);

/**
 * `POST /api/my-tracks/:id/audio`: new audio for a pending or rejected track (the receipt of its
 * upload), which sends it back to review. Nothing else: its status is never the caller's to set.
 */
export const replaceAudioSchema = z
  .object({
    audio: receipt('audio file'),
    durationSeconds: numeric(z.number().positive().max(DURATION_MAX_SECONDS)).nullable().optional(),
  })
  .strict();
export type ReplaceAudioInput = z.infer<typeof replaceAudioSchema>;

/** `POST /api/my-tracks`: the metadata plus the receipts of the uploaded files. */
export const newTrackSchema = z
  .object({
    ...trackMetadataShape,
    ...reviewFields,
    audio: receipt('audio file'),
    artwork: receipt('artwork').nullable().optional(),
    durationSeconds: numeric(z.number().positive().max(DURATION_MAX_SECONDS)).nullable().optional(),
  })
  .strict();
export type NewTrackInput = z.infer<typeof newTrackSchema>;

/** `PATCH /api/my-tracks/:id`: any metadata field; review fields are refused. */
export const trackMetadataPatchSchema = z
  .object({ ...trackMetadataShape, ...reviewFields })
  .partial()
  .strict();
export type TrackMetadataPatch = z.infer<typeof trackMetadataPatchSchema>;

/** The metadata fields, in form order (the form and the route agree on names through this). */
export const TRACK_METADATA_FIELDS = Object.keys(trackMetadataShape) as (keyof typeof trackMetadataShape)[];
