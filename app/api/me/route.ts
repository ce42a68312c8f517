import { getMe, updateMe } from '@/lib/base44';
import { ApiError } from '@/lib/api/errors';
import { route } from '@/lib/api/route';
import { profileUpdateSchema } from '@/lib/domain/profile';
import { openReceipt } from '@/lib/uploads/receipt';

// GET /api/me - the signed-in user's own profile
export const GET = route({}, async ({ auth, req }) => getMe(auth.base44Token, { signal: req.signal }));

// PATCH /api/me - update the signed-in user's own profile; `avatarUpload` (a receipt from
// POST /api/uploads?kind=avatar, this member's own) sets the avatar to the uploaded file
export const PATCH = route({ body: profileUpdateSchema }, async ({ auth, body, req }) => {
  const { avatarUpload, ...patch } = body;
  if (avatarUpload) {
    const upload = await openReceipt(avatarUpload, auth.userId, 'avatar');
    if (!upload) throw new ApiError('invalid_input', 'This photo upload has expired or is not yours: choose the photo again');
    patch.avatarUrl = upload.fileUrl;
  }
  return updateMe(auth.base44Token, patch, { signal: req.signal });
});
