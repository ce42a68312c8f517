import { route } from '@/lib/api/route';
import { idParamsSchema } from '@/lib/api/params';
import { proxyTrackMedia } from '@/lib/api/media-proxy';

// GET /api/tracks/:id/artwork - the track's artwork, same origin
export const GET = route({ params: idParamsSchema }, async ({ auth, params, req }) =>
  proxyTrackMedia(auth, params.id, 'artwork', req),
);
