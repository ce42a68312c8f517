// Playlist records on the wire → domain Playlist, and the playlist verbs. Legacy records list their tracks under
// `tracks` (ids, or track objects) instead of `track_ids`, and name their owner three ways.
import { z } from 'zod';
import type { NewPlaylist, PlaylistPatch } from '@/lib/domain/playlist';
import type { Playlist } from '@/lib/domain/types';
import type { CallOptions } from './account';
import type { Base44Client } from './client';
import { Base44Error } from './errors';
import { listEvery } from './paging';
import { describeIssues, EPOCH, firstOf, flag, lenient, optionalText, optionalTimestamp, wireId } from './wire';

/** Track ids from `["id", ...]` or `[{id}, {track_id}, ...]`; anything else is dropped. */
const trackIdList = lenient((value): string[] | null => {
  if (!Array.isArray(value)) return null;
  const ids = value.map((item: unknown) => {
    if (typeof item === 'string' || typeof item === 'number') return String(item);
    const record = (item ?? {}) as { id?: unknown; track_id?: unknown };
    const id = record.id ?? record.track_id;
    return typeof id === 'string' || typeof id === 'number' ? String(id) : '';
  });
  return ids.filter((id) => id.trim() !== '');
});

export const playlistRecordSchema = z
  .looseObject({
    id: wireId,
    name: optionalText,
    user_id: optionalText,
    owner_id: optionalText,
    created_by_id: optionalText,
    track_ids: trackIdList,
    tracks: trackIdList,
    is_public: flag,
    cover_url: optionalText,
    created_date: optionalTimestamp,
    updated_date: optionalTimestamp,
  })
  .transform((r, ctx): Playlist => {
    const ownerId = firstOf(r.user_id, r.owner_id, r.created_by_id);
    if (ownerId === null) {
      ctx.issues.push({ code: 'custom', message: 'playlist has no owner', input: r.id, path: ['user_id'] });
      return z.NEVER;
    }
    const createdAt = r.created_date ?? r.updated_date ?? EPOCH;
    return {
      id: r.id,
      name: r.name ?? 'Untitled playlist',
      ownerId,
      // A migrated record may keep an empty `track_ids` beside its legacy `tracks`.
      trackIds: [...new Set(r.track_ids?.length ? r.track_ids : (r.tracks ?? []))],
      isPublic: r.is_public,
      coverUrl: r.cover_url,
      createdAt,
      updatedAt: r.updated_date ?? createdAt,
    };
  });

/** A stored playlist and whether it still lists its tracks under the legacy `tracks` field. */
const storedPlaylistSchema = z.unknown().transform((raw, ctx) => {
  const parsed = playlistRecordSchema.safeParse(raw);
  if (!parsed.success) {
    ctx.issues.push({ code: 'custom', message: describeIssues(parsed.error), input: raw });
    return z.NEVER;
  }
  const legacy = (raw as { tracks?: unknown }).tracks;
  return { playlist: parsed.data, hasLegacyTracks: Array.isArray(legacy) && legacy.length > 0 };
});

const NOT_FOUND = 'This playlist does not exist.';
const PRIVATE = 'This playlist is private.';
const NOT_YOURS = 'You can only change your own playlists.';

/**
 * The caller's playlists. Ownership is checked here (a member reads their own or public
 * playlists and changes only their own) and again by the backend's rules.
 */
export function playlistVerbs(client: Base44Client) {
  async function listMyPlaylists(token: string, callerId: string, options: CallOptions = {}): Promise<Playlist[]> {
    const { items } = await listEvery(client, {
      path: '/entities/Playlist',
      // Legacy records may name their owner only through created_by_id.
      q: { $or: [{ user_id: callerId }, { created_by_id: callerId }] },
      sort: '-created_date',
      token,
      record: playlistRecordSchema,
      idOf: (playlist) => playlist.id,
      signal: options.signal,
    });
    return items
      .filter((playlist) => playlist.ownerId === callerId)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async function readStored(token: string, callerId: string, id: string, options: CallOptions, forChange: boolean) {
    const stored = await client
      .request({
        method: 'GET',
        path: `/entities/Playlist/${encodeURIComponent(id)}`,
        token,
        schema: storedPlaylistSchema,
        signal: options.signal,
        messages: { not_found: NOT_FOUND, forbidden: forChange ? NOT_YOURS : PRIVATE },
      });
    const { playlist } = stored;
    if (playlist.ownerId !== callerId && (forChange || !playlist.isPublic)) {
      throw new Base44Error('forbidden', { message: forChange ? NOT_YOURS : PRIVATE });
    }
    return stored;
  }

  /** The caller's own playlist, or anyone's public one; someone else's private one is `forbidden`. */
  async function getPlaylist(token: string, callerId: string, id: string, options: CallOptions = {}): Promise<Playlist> {
    return (await readStored(token, callerId, id, options, false)).playlist;
  }

  async function createPlaylist(token: string, callerId: string, input: NewPlaylist, options: CallOptions = {}): Promise<Playlist> {
    return client.request({
      method: 'POST',
      path: '/entities/Playlist',
      token,
      body: {
        name: input.name,
        user_id: callerId,
        is_public: input.isPublic ?? false,
        track_ids: input.trackIds ?? [],
      },
      schema: playlistRecordSchema,
      signal: options.signal,
    });
  }

  /** Renames, shares or unshares, and sets the whole ordered track list (add, remove, reorder). */
  async function updatePlaylist(
    token: string, callerId: string, id: string, patch: PlaylistPatch, options: CallOptions = {},
  ): Promise<Playlist> {
    const stored = await readStored(token, callerId, id, options, true);
    const changes: Record<string, unknown> = {};
    if (patch.name !== undefined) changes.name = patch.name;
    if (patch.isPublic !== undefined) changes.is_public = patch.isPublic;
    if (patch.trackIds !== undefined) {
      changes.track_ids = patch.trackIds;
      // Keep a legacy `tracks` list in step, or the old one would show through an emptied list.
      if (stored.hasLegacyTracks) changes.tracks = patch.trackIds;
    }
    if (Object.keys(changes).length === 0) return stored.playlist;
    return client.request({
      method: 'PUT',
      path: `/entities/Playlist/${encodeURIComponent(id)}`,
      token,
      body: changes,
      schema: playlistRecordSchema,
      signal: options.signal,
      messages: { not_found: NOT_FOUND, forbidden: NOT_YOURS },
    });
  }

  async function deletePlaylist(token: string, callerId: string, id: string, options: CallOptions = {}): Promise<void> {
    await readStored(token, callerId, id, options, true);
    await client.request({
      method: 'DELETE',
      path: `/entities/Playlist/${encodeURIComponent(id)}`,
      token,
      schema: z.unknown(),
      signal: options.signal,
      messages: { not_found: NOT_FOUND, forbidden: NOT_YOURS },
    });
  }

  return { listMyPlaylists, getPlaylist, createPlaylist, updatePlaylist, deletePlaylist };
}
