// The admin's review of pending tracks: the queue, approve, reject with a reason, VIP status and
// its preview window. Status changes are conditional update-many calls (`status: 'pending'` in the
// query), so two admins deciding at once change the track once and notify the producer once.
import { z } from 'zod';
import type { ReviewResult, TrackVipInput } from '@/lib/domain/admin';
import type { Track } from '@/lib/domain/types';
import type { CallOptions } from './account';
import type { CatalogueVerbs } from './catalogue';
import type { Base44Client } from './client';
import { Base44Error } from './errors';
import type { Notify } from './notifications';
import { listEvery } from './paging';
import { trackRecordSchema } from './tracks';
import { count } from './wire';

/** `{updated}` (the embedded backend also says `matched`); how many records changed. */
export const updateManyResultSchema = z
  .looseObject({ updated: count.optional(), matched: count.optional(), count: count.optional() })
  .transform((r) => r.updated ?? r.matched ?? r.count ?? 0);

export interface Reviewer {
  id: string;
}

export function reviewVerbs(client: Base44Client, catalogue: Pick<CatalogueVerbs, 'invalidateCatalogue'>, notify: Notify) {
  async function readTrack(token: string, id: string, signal?: AbortSignal): Promise<Track> {
    const wire = await client.request({
      method: 'GET',
      path: `/entities/Track/${encodeURIComponent(id)}`,
      token,
      schema: trackRecordSchema,
      signal,
      messages: { not_found: 'This track does not exist.' },
    });
    return wire.track;
  }

  /** Every pending track, oldest first (first come, first reviewed). */
  async function listReviewQueue(token: string, options: CallOptions = {}): Promise<Track[]> {
    const { items } = await listEvery(client, {
      path: '/entities/Track',
      q: { status: 'pending' },
      sort: 'created_date',
      token,
      record: trackRecordSchema,
      idOf: (wire) => wire.track.id,
      signal: options.signal,
    });
    return items.map((wire) => wire.track).filter((track) => track.status === 'pending');
  }

  /** Changes a pending track with `data`; a track no longer pending is a conflict. */
  async function decide(token: string, trackId: string, data: Record<string, unknown>): Promise<Track> {
    const updated = await client.request({
      method: 'PATCH',
      path: '/entities/Track/update-many',
      token,
      body: { query: { id: trackId, status: 'pending' }, data },
      schema: updateManyResultSchema,
    });
    const track = await readTrack(token, trackId);
    if (updated === 0) {
      throw new Base44Error('conflict', { message: `This track is already ${track.status}.`, detail: `track ${trackId} is ${track.status}` });
    }
    catalogue.invalidateCatalogue();
    return track;
  }

  async function approveTrack(token: string, reviewer: Reviewer, trackId: string): Promise<ReviewResult> {
    const track = await decide(token, trackId, { $set: { status: 'approved' }, $unset: { rejection_reason: '', rejected_at: '' } });
    const notified = track.producerId
      ? await notify(token, {
          userId: track.producerId,
          type: 'system',
          title: 'Track approved',
          message: `"${track.title}" was approved: DJs can now find it in the promo pool.`,
          trackId: track.id,
          senderId: reviewer.id,
        })
      : false;
    return { track, notified };
  }

  async function rejectTrack(token: string, reviewer: Reviewer, trackId: string, reason: string): Promise<ReviewResult> {
    const track = await decide(token, trackId, {
      $set: { status: 'rejected', rejection_reason: reason, rejected_at: new Date().toISOString() },
    });
    const notified = track.producerId
      ? await notify(token, {
          userId: track.producerId,
          type: 'system',
          title: 'Track not approved',
          message: `"${track.title}" was not approved. Reason: ${reason}`,
          trackId: track.id,
          senderId: reviewer.id,
        })
      : false;
    return { track, notified };
  }

  /**
   * VIP status and preview window. `validate` sees the stored track (its duration) before anything
   * is written and throws to refuse.
   */
  async function setTrackVip(
    token: string,
    trackId: string,
    input: TrackVipInput,
    validate: (track: Track) => void,
  ): Promise<Track> {
    validate(await readTrack(token, trackId));
    const data = input.preview
      ? { is_vip: input.isVip, vip_preview_start: input.preview.startSeconds, vip_preview_end: input.preview.endSeconds }
      : { is_vip: input.isVip, vip_preview_start: null, vip_preview_end: null };
    const wire = await client.request({
      method: 'PUT',
      path: `/entities/Track/${encodeURIComponent(trackId)}`,
      token,
      body: data,
      schema: trackRecordSchema,
      messages: { not_found: 'This track does not exist.' },
    });
    catalogue.invalidateCatalogue();
    return wire.track;
  }

  return { listReviewQueue, approveTrack, rejectTrack, setTrackVip };
}
