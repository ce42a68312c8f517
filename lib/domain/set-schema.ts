// The shape of a finished set on the wire between the console's outbox and POST /api/sessions,
// validated on the server (and used by the client to build it). Dates are ISO date-times.
import { z } from 'zod';
import { lineText } from './text';
import { SET_LIMITS, type NewDjSet } from './sessions';

const recordId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Invalid id');
const isoDate = z.iso.datetime({ offset: true, message: 'Must be an ISO date-time' });

export const newDjSetSchema = z
  .object({
    djId: recordId,
    venue: lineText().trim().min(1, 'Say where the set was played').max(SET_LIMITS.venue),
    city: lineText().trim().max(SET_LIMITS.city),
    country: lineText().trim().max(SET_LIMITS.country),
    startedAt: isoDate,
    endedAt: isoDate,
    tracks: z
      .array(z.object({ trackId: recordId, playedAt: isoDate }).strict())
      .max(SET_LIMITS.tracks, `A set holds at most ${SET_LIMITS.tracks} tracks`),
  })
  .strict()
  .refine((set) => Date.parse(set.endedAt) >= Date.parse(set.startedAt), {
    message: 'The set ends before it starts',
    path: ['endedAt'],
  }) satisfies z.ZodType<NewDjSet>;
