// Playlist records on the wire → domain Playlist. Legacy records list their tracks under
// `tracks` (ids, or track objects) instead of `track_ids`, and name their owner three ways.
import { z } from 'zod';
import type { Playlist } from '@/lib/domain/types';
import { EPOCH, firstOf, flag, lenient, optionalText, optionalTimestamp, wireId } from './wire';

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
