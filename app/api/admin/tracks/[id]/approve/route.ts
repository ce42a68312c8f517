import { z } from 'zod';
import { approveTrack } from '@/lib/base44';
import { idParamsSchema } from '@/lib/api/params';
import { route } from '@/lib/api/route';

/** No fields: the JSON body (`{}`) is required so the request is a JSON POST from our own pages. */
const bodySchema = z.object({}).strict();

// POST /api/admin/tracks/:id/approve {} - a pending track joins the promo pool; its producer is told.
// → 200 {track, notified} · 409 conflict (no longer pending) · 404 · 403 for anyone but an admin
export const POST = route({ access: 'admin', params: idParamsSchema, body: bodySchema }, async ({ auth, params }) =>
  approveTrack(auth.base44Token, { id: auth.userId }, params.id),
);
