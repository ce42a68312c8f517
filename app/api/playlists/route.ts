import { NextResponse } from 'next/server';
import { createPlaylist, listMyPlaylists } from '@/lib/base44';
import { route } from '@/lib/api/route';
import { newPlaylistSchema } from '@/lib/domain/playlist';

// GET /api/playlists - the caller's playlists, newest first
export const GET = route({}, async ({ auth, req }) =>
  listMyPlaylists(auth.base44Token, auth.userId, { signal: req.signal }),
);

// POST /api/playlists - create a playlist for the caller {name, isPublic?, trackIds?} → 201
export const POST = route({ body: newPlaylistSchema }, async ({ auth, body, req }) =>
  NextResponse.json(await createPlaylist(auth.base44Token, auth.userId, body, { signal: req.signal }), { status: 201 }),
);
