import { z } from 'zod';
import { route } from '@/lib/api/route';
import { idParamsSchema } from '@/lib/api/params';
import { ARTWORK_VARIANT_SIZES } from '@/lib/domain/artwork';
import { proxyTrackMedia } from '@/lib/api/media-proxy';

const querySchema = z.object({ size: z.enum(ARTWORK_VARIANT_SIZES).optional() }).strict();

// GET /api/tracks/:id/artwork[?size=128|256] - the track's artwork, same origin; with `size`, a
// square JPEG of that many pixels (thumbnails, and the Media Session's artwork on Chromium).
export const GET = route({ params: idParamsSchema, query: querySchema }, async ({ auth, params, query, req }) =>
  proxyTrackMedia(auth, params.id, 'artwork', req, query.size ? Number(query.size) : undefined),
);
