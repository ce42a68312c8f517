import { listReviewQueue } from '@/lib/base44';
import type { ReviewQueue } from '@/lib/domain/admin';
import { route } from '@/lib/api/route';

// GET /api/admin/review - the pending tracks, oldest first (admins and read-only admins)
export const GET = route({ access: 'staff' }, async ({ auth, req }): Promise<ReviewQueue> => ({
  tracks: await listReviewQueue(auth.base44Token, { signal: req.signal }),
}));
