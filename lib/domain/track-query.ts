import { z } from 'zod';
import { lineText } from './text';
import { CAMELOT_KEYS, ENERGY_LEVELS, GENRES } from './enums';
import { MAX_PAGE_SIZE, TRACK_SORTS } from './track-sorts';

export { MAX_PAGE_SIZE, TRACK_SORTS, type TrackSort } from './track-sorts';

/** What a client may ask of the promo pool. Shared by the route handler, the adapter and the UI. */
export const trackListQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
    sort: z.enum(TRACK_SORTS).default('newest'),
    search: lineText().trim().max(100).optional(),
    genre: z.enum(GENRES).optional(),
    energy: z.enum(ENERGY_LEVELS).optional(),
    bpmMin: z.coerce.number().int().min(40).max(250).optional(),
    bpmMax: z.coerce.number().int().min(40).max(250).optional(),
    key: z
      .string()
      .toUpperCase()
      .refine((k) => CAMELOT_KEYS.includes(k), 'must be a Camelot key, 1A to 12B')
      .optional(),
    vipOnly: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
  })
  .strict()
  .refine((q) => q.bpmMin === undefined || q.bpmMax === undefined || q.bpmMin <= q.bpmMax, {
    message: 'bpmMin must not exceed bpmMax',
    path: ['bpmMin'],
  });

export type TrackListQuery = z.infer<typeof trackListQuerySchema>;
