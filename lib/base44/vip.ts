// The VIP promo pool as one member sees it: the approved VIP tracks (from the shared catalogue),
// the tracks they have unlocked (their VIPPurchase records) and their Black Diamond balance.
import { z } from 'zod';
import type { User, VipOverview, VipPurchase } from '@/lib/domain/types';
import type { CallOptions } from './account';
import type { CatalogueVerbs } from './catalogue';
import type { Base44Client } from './client';
import { listEvery } from './paging';
import { count, EPOCH, firstOf, optionalText, optionalTimestamp, wireId } from './wire';

const UNLOCK = 'track_unlock';

/** A purchase record; legacy ones have no `type` (every legacy purchase was a track unlock). */
export const vipPurchaseRecordSchema = z
  .looseObject({
    id: wireId,
    user_id: optionalText,
    created_by_id: optionalText,
    track_id: optionalText,
    amount: count,
    price_paid: count,
    type: optionalText,
    purchased_at: optionalTimestamp,
    created_date: optionalTimestamp,
  })
  .transform((r) => ({
    purchase: {
      id: r.id,
      userId: firstOf(r.user_id, r.created_by_id) ?? '',
      trackId: r.track_id ?? '',
      amount: r.amount || r.price_paid,
      purchasedAt: r.purchased_at ?? r.created_date ?? EPOCH,
    } satisfies VipPurchase,
    isUnlock: r.type === null || r.type === UNLOCK,
  }));

export function vipVerbs(
  client: Base44Client,
  deps: { listCatalogue: CatalogueVerbs['listCatalogue']; getMe: (token: string, options?: CallOptions) => Promise<User> },
) {
  async function listUnlockedTrackIds(token: string, callerId: string, options: CallOptions = {}): Promise<string[]> {
    const { items } = await listEvery(client, {
      path: '/entities/VIPPurchase',
      q: { $or: [{ user_id: callerId }, { created_by_id: callerId }] },
      sort: '-created_date',
      token,
      record: vipPurchaseRecordSchema,
      idOf: (item) => item.purchase.id,
      signal: options.signal,
    });
    const ids = items
      .filter((item) => item.isUnlock && item.purchase.userId === callerId && item.purchase.trackId !== '')
      .map((item) => item.purchase.trackId);
    return [...new Set(ids)];
  }

  /** Whether the caller has unlocked this one track (one narrow upstream read, never cached). */
  async function hasUnlockedTrack(token: string, callerId: string, trackId: string, options: CallOptions = {}): Promise<boolean> {
    const { items } = await listEvery(client, {
      path: '/entities/VIPPurchase',
      q: { track_id: trackId, $or: [{ user_id: callerId }, { created_by_id: callerId }] },
      sort: '-created_date',
      token,
      record: vipPurchaseRecordSchema,
      idOf: (item) => item.purchase.id,
      signal: options.signal,
    });
    return items.some((item) => item.isUnlock && item.purchase.userId === callerId && item.purchase.trackId === trackId);
  }

  async function getVipOverview(token: string, callerId: string, options: CallOptions = {}): Promise<VipOverview> {
    const [catalogue, unlockedTrackIds, me] = await Promise.all([
      deps.listCatalogue(token, options),
      listUnlockedTrackIds(token, callerId, options),
      deps.getMe(token, options),
    ]);
    return {
      tracks: catalogue.tracks.filter((track) => track.isVip),
      unlockedTrackIds,
      blackDiamonds: me.blackDiamonds,
    };
  }

  return { getVipOverview, listUnlockedTrackIds, hasUnlockedTrack };
}
