import { rejectTrack } from '@/lib/base44';
import { rejectTrackSchema } from '@/lib/domain/admin';
import { idParamsSchema } from '@/lib/api/params';
import { route } from '@/lib/api/route';

// POST /api/admin/tracks/:id/reject {reason} - refuses a pending track with a reason the producer reads
// (stored as rejection_reason with rejected_at, and sent in a Notification).
// → 200 {track, notified} · 400 no reason · 409 conflict (no longer pending) · 404 · 403 for anyone but an admin
export const POST = route({ access: 'admin', params: idParamsSchema, body: rejectTrackSchema }, async ({ auth, params, body }) =>
  rejectTrack(auth.base44Token, { id: auth.userId }, params.id, body.reason),
);
