import { listMyNotifications } from '@/lib/base44';
import { route } from '@/lib/api/route';

// GET /api/notifications - the member's latest notifications (at most 50), newest first
export const GET = route({}, async ({ auth, req }) => listMyNotifications(auth.base44Token, auth.userId, { signal: req.signal }));
