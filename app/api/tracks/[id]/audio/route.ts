import { route } from '@/lib/api/route';
import { idParamsSchema } from '@/lib/api/params';
import { proxyTrackMedia } from '@/lib/api/media-proxy';

// GET /api/tracks/:id/audio - the track's audio, Range-capable (206), same origin
export const GET = route({ params: idParamsSchema }, async ({ auth, params, req }) =>
  proxyTrackMedia(auth, params.id, 'audio', req),
);
