import { z } from 'zod';
import { ApiError } from '@/lib/api/errors';
import { route } from '@/lib/api/route';
import { serverEnv } from '@/lib/config/env';
import { canPublishTracks } from '@/lib/domain/capabilities';
import { AVATAR_LIMIT_BYTES, UPLOAD_PURPOSES } from '@/lib/uploads/formats';
import { forwardUpload } from '@/lib/uploads/forward-upload';

const uploadQuerySchema = z.object({ kind: z.enum(UPLOAD_PURPOSES, 'kind must be audio, artwork or avatar') }).strict();

// POST /api/uploads?kind=audio|artwork|avatar - multipart `file`, streamed to Base44's UploadFile
// → {receipt, kind, format, contentType, size}. Track files: producers and admins only (else 403);
// an avatar (an image, at most AVATAR_LIMIT_BYTES): every member, for their own profile.
export const POST = route({ query: uploadQuerySchema }, async ({ auth, query, req }) => {
  if (query.kind !== 'avatar' && !canPublishTracks(auth)) throw new ApiError('forbidden', 'Only producers can upload tracks');
  const env = serverEnv();
  const maxBytes = query.kind === 'avatar' ? Math.min(env.uploadLimitBytes, AVATAR_LIMIT_BYTES) : env.uploadLimitBytes;
  return forwardUpload(req, query.kind, auth, { maxBytes, stallMs: env.uploadStallMs, deadlineMs: env.uploadDeadlineMs });
});
