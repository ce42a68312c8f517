import { route } from '@/lib/api/route';
import { idParamsSchema } from '@/lib/api/params';
import { servePreviewClip } from '@/lib/api/vip-preview';

// GET /api/tracks/:id/preview - a VIP track's preview window as its own MP3 clip (Range-capable)
export const GET = route({ params: idParamsSchema }, async ({ auth, params, req }) => servePreviewClip(auth, params.id, req));
