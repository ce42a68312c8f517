import { setTrackVip } from '@/lib/base44';
import { previewWindowIssue, trackVipSchema } from '@/lib/domain/admin';
import { ApiError } from '@/lib/api/errors';
import { idParamsSchema } from '@/lib/api/params';
import { route } from '@/lib/api/route';

// PATCH /api/admin/tracks/:id/vip {isVip, preview: {startSeconds, endSeconds} | null}
// VIP status and the preview window a locked VIP track plays (0 ≤ start < end ≤ the track's duration).
// → 200 the track · 400 invalid window · 404 · 403 for anyone but an admin
export const PATCH = route({ access: 'admin', params: idParamsSchema, body: trackVipSchema }, async ({ auth, params, body }) =>
  setTrackVip(auth.base44Token, params.id, body, (track) => {
    const issue = body.preview ? previewWindowIssue(body.preview, track.durationSeconds) : null;
    if (issue) throw new ApiError('invalid_input', issue.message, { issues: [{ path: `preview.${issue.path}`, message: issue.message }] });
  }),
);
