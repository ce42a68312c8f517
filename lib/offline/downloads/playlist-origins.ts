// Which offline tracks came with which playlist download, per member, so "Remove download" on a
// playlist removes only what that download brought and no other kept playlist needs. Tracks kept
// on their own (the track page, a library row) were never recorded here: a playlist never removes them.
// Kept in localStorage (a few ids per playlist): read and written on a tap, never at start-up.

export type PlaylistOrigins = Readonly<Record<string, readonly string[]>>;

/** Records that `trackIds` (newly asked for) came with `playlistId`'s download. */
export function withPlaylistTracks(origins: PlaylistOrigins, playlistId: string, trackIds: readonly string[]): PlaylistOrigins {
  const merged = new Set([...(origins[playlistId] ?? []), ...trackIds]);
  return { ...origins, [playlistId]: [...merged] };
}

/**
 * The offline tracks that removing `playlistId`'s download deletes: those its download brought,
 * still offline, that no other playlist's download brought too.
 */
export function tracksToRemove(origins: PlaylistOrigins, playlistId: string, offlineIds: ReadonlySet<string>): string[] {
  const neededElsewhere = new Set(
    Object.entries(origins)
      .filter(([id]) => id !== playlistId)
      .flatMap(([, ids]) => ids),
  );
  return (origins[playlistId] ?? []).filter((id) => offlineIds.has(id) && !neededElsewhere.has(id));
}

/** Forgets `playlistId`'s download. */
export function withoutPlaylist(origins: PlaylistOrigins, playlistId: string): PlaylistOrigins {
  const { [playlistId]: _removed, ...rest } = origins;
  return rest;
}

const key = (userId: string) => `spynners.playlist-downloads.${userId}`;

export function readPlaylistOrigins(userId: string, storage: Pick<Storage, 'getItem'> = localStorage): PlaylistOrigins {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(key(userId)) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    const origins: Record<string, string[]> = {};
    for (const [id, ids] of Object.entries(parsed)) {
      if (Array.isArray(ids)) origins[id] = ids.filter((t): t is string => typeof t === 'string');
    }
    return origins;
  } catch {
    return {}; // unreadable or blocked storage: no playlist claims any track, nothing is removed
  }
}

export function writePlaylistOrigins(userId: string, origins: PlaylistOrigins, storage: Pick<Storage, 'setItem'> = localStorage): void {
  try {
    storage.setItem(key(userId), JSON.stringify(origins));
  } catch {
    // full or blocked: the downloads themselves are unaffected
  }
}
