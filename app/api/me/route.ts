import { getMe, updateMe } from '@/lib/base44';
import { route } from '@/lib/api/route';
import { profilePatchSchema } from '@/lib/domain/profile';

// GET /api/me - the signed-in user's own profile
export const GET = route({}, async ({ auth, req }) => getMe(auth.base44Token, { signal: req.signal }));

// PATCH /api/me - update the signed-in user's own profile
export const PATCH = route({ body: profilePatchSchema }, async ({ auth, body, req }) =>
  updateMe(auth.base44Token, body, { signal: req.signal }),
);
