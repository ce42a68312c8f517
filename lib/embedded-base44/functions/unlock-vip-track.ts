import { z } from 'zod';
import { type Actor } from '../access/policy';
import { ENTITIES } from '../entities/definitions';
import { validateRecord } from '../entities/validate';
import { badRequest, HttpError } from '../http/errors';
import { compileFilter } from '../query/filter';
import { applyUpdateSpec } from '../query/update-operators';
import type { Services } from '../services';
import type { EntityRecord, EntityStore } from '../store/entity-store';
import { newRecord, rewrittenRecord } from '../store/records';
import { readableTrack } from './readable-track';

/**
 * `unlockVipTrack {track_id}` → `{purchase, black_diamonds, already_unlocked}`.
 *
 * Unlocking a VIP track costs one Black Diamond. Everything happens in ONE immediate SQLite
 * transaction (the write lock is taken up front, so no other writer, in this process or another
 * sharing the data folder, can interleave):
 *   1. the track must be visible to the caller (else 404), approved and VIP (else 409 `not_unlockable`);
 *   2. a caller who already unlocked it gets their existing purchase back, charged nothing
 *      (`already_unlocked: true`): a double click, a retry after a lost answer or a second tab
 *      never charges twice;
 *   3. the balance is decremented only where `black_diamonds >= 1` (the same guarded `$inc` an
 *      update-many does); no match → 402 `insufficient_diamonds`, nothing written;
 *   4. a `VIPPurchase {user_id, track_id, amount: 1, price_paid: 1, type: 'track_unlock',
 *      purchased_at}` is recorded.
 * Any failure rolls the whole transaction back: never a charge without a purchase, nor the reverse.
 */
export const UNLOCK_PRICE = 1;
const UNLOCK_TYPE = 'track_unlock';

const inputSchema = z.object({ track_id: z.string().trim().min(1).max(64) }).strict();

export interface UnlockVipTrackResult {
  purchase: EntityRecord;
  black_diamonds: number;
  already_unlocked: boolean;
}

export function unlockVipTrack({ store }: Services, actor: Actor, input: unknown): UnlockVipTrackResult {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badRequest(`unlockVipTrack expects {track_id}: ${issue?.path.join('.') || 'input'} ${issue?.message ?? ''}`.trim());
  }
  const trackId = parsed.data.track_id;

  return store.transaction(() => {
    const track = readableTrack(store, trackId, actor);
    if (track.status !== 'approved' || track.is_vip !== true) {
      throw new HttpError(409, 'Only approved VIP tracks can be unlocked', 'not_unlockable');
    }

    const existing = existingUnlock(store, trackId, actor);
    if (existing) return { purchase: existing, black_diamonds: balanceOf(store, actor), already_unlocked: true };

    // The guarded decrement: only a caller holding at least the price matches.
    const payer = compileFilter(ENTITIES.User, { id: actor.id, black_diamonds: { $gte: UNLOCK_PRICE } });
    const [userId] = store.ids('User', payer, 1);
    const user = userId ? store.get('User', userId) : null;
    if (!user) {
      const balance = balanceOf(store, actor);
      throw new HttpError(
        402,
        `Not enough Black Diamonds: unlocking costs ${UNLOCK_PRICE}, you have ${balance}.`,
        'insufficient_diamonds',
        { black_diamonds: balance, price: UNLOCK_PRICE },
      );
    }
    const charged = rewrittenRecord(user, applyUpdateSpec(user, { set: {}, inc: { black_diamonds: -UNLOCK_PRICE }, unset: [] }));
    validateRecord('User', charged);
    store.replace('User', charged);

    const now = new Date().toISOString();
    const purchase = newRecord(
      { user_id: actor.id, track_id: trackId, amount: UNLOCK_PRICE, price_paid: UNLOCK_PRICE, type: UNLOCK_TYPE, purchased_at: now },
      actor,
      { now },
    );
    validateRecord('VIPPurchase', purchase);
    store.insert('VIPPurchase', purchase);
    return { purchase, black_diamonds: charged.black_diamonds as number, already_unlocked: false };
  });
}

/**
 * The caller's earliest unlock of the track, as the VIP overview counts them: owner is `user_id`
 * (legacy records: `created_by_id`), type `track_unlock` or none (legacy purchases were unlocks).
 */
function existingUnlock(store: EntityStore, trackId: string, actor: Actor): EntityRecord | null {
  const candidates = compileFilter(ENTITIES.VIPPurchase, {
    track_id: trackId,
    $or: [{ user_id: actor.id }, { created_by_id: actor.id }],
  });
  for (const id of store.ids('VIPPurchase', candidates, 100)) {
    const record = store.get('VIPPurchase', id);
    if (!record) continue;
    const owner = typeof record.user_id === 'string' && record.user_id !== '' ? record.user_id : record.created_by_id;
    const type = record.type;
    if (owner === actor.id && (type === undefined || type === null || type === UNLOCK_TYPE)) return record;
  }
  return null;
}

function balanceOf(store: EntityStore, actor: Actor): number {
  const balance = store.get('User', actor.id)?.black_diamonds;
  return typeof balance === 'number' && Number.isFinite(balance) ? balance : 0;
}
