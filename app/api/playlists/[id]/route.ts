import { deletePlaylist, getPlaylist, updatePlaylist } from '@/lib/base44';
import { idParamsSchema } from '@/lib/api/params';
import { route } from '@/lib/api/route';
import { playlistPatchSchema } from '@/lib/domain/playlist';

// GET /api/playlists/:id - one playlist: the caller's own, or a public one (someone else's private one → 403)
export const GET = route({ params: idParamsSchema }, async ({ auth, params, req }) =>
  getPlaylist(auth.base44Token, auth.userId, params.id, { signal: req.signal }),
);

// PATCH /api/playlists/:id - rename, share, or set the whole ordered trackIds; own playlists only (else 403)
export const PATCH = route({ params: idParamsSchema, body: playlistPatchSchema }, async ({ auth, params, body, req }) =>
  updatePlaylist(auth.base44Token, auth.userId, params.id, body, { signal: req.signal }),
);

// DELETE /api/playlists/:id - delete one of the caller's playlists → 204 (someone else's → 403)
export const DELETE = route({ params: idParamsSchema }, async ({ auth, params, req }) => {
  await deletePlaylist(auth.base44Token, auth.userId, params.id, { signal: req.signal });
  return new Response(null, { status: 204 });
});
