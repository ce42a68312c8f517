import { z } from 'zod';
import { getProducerStats } from '@/lib/base44';
import { recordIdSchema } from '@/lib/api/params';
import { isStaff, route } from '@/lib/api/route';

const querySchema = z.object({ producerId: recordIdSchema.optional() }).strict();

// GET /api/stats[?producerId=] - the caller's statistics across their tracks (plays, downloads,
// ratings, where and when); admins may ask for any producer's, anyone else only their own (403).
export const GET = route({ query: querySchema }, async ({ auth, query, req }) =>
  getProducerStats(
    auth.base44Token,
    { userId: auth.userId, seesEverything: isStaff(auth.role) },
    query.producerId ?? auth.userId,
    { signal: req.signal },
  ),
);
