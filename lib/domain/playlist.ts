import { z } from 'zod';
import { lineText } from './text';

export const PLAYLIST_NAME_MAX = 80;
export const PLAYLIST_MAX_TRACKS = 500;

const trackIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Invalid track id');

/** The whole, ordered list: adding, removing and reordering all send the new list. */
const trackIdsSchema = z
  .array(trackIdSchema)
  .max(PLAYLIST_MAX_TRACKS, `A playlist holds at most ${PLAYLIST_MAX_TRACKS} tracks`)
  .refine((ids) => new Set(ids).size === ids.length, 'A track can be in a playlist only once');

/** `POST /api/playlists`. Shared by the playlist forms and the route. */
export const newPlaylistSchema = z
  .object({
    name: lineText().trim().min(1, 'Enter a name').max(PLAYLIST_NAME_MAX, `Use at most ${PLAYLIST_NAME_MAX} characters`),
    isPublic: z.boolean().optional(),
    trackIds: trackIdsSchema.optional(),
  })
  .strict();
export type NewPlaylist = z.infer<typeof newPlaylistSchema>;

/** `PATCH /api/playlists/:id`: any of the fields; an empty patch changes nothing. */
export const playlistPatchSchema = newPlaylistSchema.partial().strict();
export type PlaylistPatch = z.infer<typeof playlistPatchSchema>;
