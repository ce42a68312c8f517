import { z } from 'zod';
import { isInsufficientDiamondsError, unlockVipTrack } from '@/lib/base44';
import { ApiError } from '@/lib/api/errors';
import { recordIdSchema } from '@/lib/api/params';
import { route } from '@/lib/api/route';

const paramsSchema = z.object({ trackId: recordIdSchema });
/** No fields: the JSON body (`{}`) is required so the request is a JSON POST from our own pages. */
const bodySchema = z.object({}).strict();

// POST /api/vip/:trackId/unlock {} - unlock a VIP track for 1 Black Diamond, server-side and atomic.
// → 200 { purchase: {id, userId, trackId, amount, purchasedAt}, blackDiamonds, alreadyUnlocked }
//   (again for an unlocked track: the same purchase, alreadyUnlocked: true, nothing charged)
// → 402 insufficient_diamonds · 409 conflict (not an approved VIP track) · 404 not_found
export const POST = route({ params: paramsSchema, body: bodySchema }, async ({ auth, params }) => {
  try {
    return await unlockVipTrack(auth.base44Token, auth.userId, params.trackId);
  } catch (error) {
    if (isInsufficientDiamondsError(error)) throw new ApiError('insufficient_diamonds', error.message);
    throw error;
  }
});
