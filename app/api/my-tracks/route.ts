import { NextResponse } from 'next/server';
import { createTrack, listMyTracks } from '@/lib/base44';
import { ApiError } from '@/lib/api/errors';
import { route } from '@/lib/api/route';
import { canPublishTracks } from '@/lib/domain/capabilities';
import { newTrackSchema } from '@/lib/domain/track-metadata';
import { trackFromUpload } from '@/lib/uploads/track-from-upload';

const ONLY_PRODUCERS = 'Only producers have tracks of their own';

// GET /api/my-tracks - the caller's own tracks, every status (pending, approved, rejected + reason), newest first
export const GET = route({}, async ({ auth, req }) => {
  if (!canPublishTracks(auth)) throw new ApiError('forbidden', ONLY_PRODUCERS);
  return listMyTracks(auth.base44Token, auth.userId, { signal: req.signal });
});

// POST /api/my-tracks - a new track from uploaded files (receipts) and its metadata → 201, always pending
// (a `status` in the body is refused with 400)
export const POST = route({ body: newTrackSchema }, async ({ auth, body, req }) => {
  if (!canPublishTracks(auth)) throw new ApiError('forbidden', 'Only producers can upload tracks');
  const track = await createTrack(auth.base44Token, auth.userId, await trackFromUpload(body, auth.userId), { signal: req.signal });
  return NextResponse.json(track, { status: 201 });
});
