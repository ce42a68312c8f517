import { z } from 'zod';
import { ApiError } from '@/lib/api/errors';
import { route } from '@/lib/api/route';
import { serverEnv } from '@/lib/config/env';
import { canPublishTracks } from '@/lib/domain/capabilities';
import { UPLOAD_KINDS } from '@/lib/uploads/formats';
import { forwardUpload } from '@/lib/uploads/forward-upload';

const uploadQuerySchema = z.object({ kind: z.enum(UPLOAD_KINDS, 'kind must be audio or artwork') }).strict();

// POST /api/uploads?kind=audio|artwork - multipart `file`, streamed to Base44's UploadFile
// → {receipt, kind, format, contentType, size}; producers and admins only (else 403)
export const POST = route({ query: uploadQuerySchema }, async ({ auth, query, req }) => {
  if (!canPublishTracks(auth)) throw new ApiError('forbidden', 'Only producers can upload tracks');
  const env = serverEnv();
  return forwardUpload(req, query.kind, auth, { maxBytes: env.uploadLimitBytes, stallMs: env.uploadStallMs, deadlineMs: env.uploadDeadlineMs });
});
