// Unlocking a VIP track: one Black Diamond, charged by the app's `unlockVipTrack` backend function
// in one server-side step (see README: the balance is never read-modified-written by the console,
// and a retried or doubled call never charges twice).
import { z } from 'zod';
import type { VipPurchase } from '@/lib/domain/types';
import type { CallOptions } from './account';
import type { Base44Client } from './client';
import { Base44Error, isBase44Error } from './errors';
import { vipPurchaseRecordSchema } from './vip';
import { count, flag } from './wire';

/** What `POST /api/vip/:trackId/unlock` answers (and the verb returns). */
export interface VipUnlockResult {
  purchase: VipPurchase;
  /** The caller's balance after the call. */
  blackDiamonds: number;
  /** True when the caller had already unlocked the track: nothing was charged this time. */
  alreadyUnlocked: boolean;
}

/** The price of one unlock, in Black Diamonds (the function decides; this is for messages). */
export const VIP_UNLOCK_PRICE = 1;

export const INSUFFICIENT_DIAMONDS_MESSAGE =
  'Not enough Black Diamonds: unlocking a VIP track costs 1. You earn one with each validated DJ set.';

/**
 * The caller cannot pay (the function answered 402 `insufficient_diamonds`). A `conflict` for
 * generic handlers, told apart by `reason` where a route wants its own answer.
 */
export class InsufficientDiamondsError extends Base44Error {
  readonly reason = 'insufficient_diamonds' as const;
  constructor(detail?: string) {
    super('conflict', { message: INSUFFICIENT_DIAMONDS_MESSAGE, upstreamStatus: 402, detail });
    this.name = 'InsufficientDiamondsError';
  }
}

export function isInsufficientDiamondsError(error: unknown): error is InsufficientDiamondsError {
  return error instanceof InsufficientDiamondsError;
}

/** `{purchase, black_diamonds, already_unlocked}`; a Base44 function's JSON may come wrapped in `{data}`. */
export const unlockResultSchema = z.preprocess(
  (raw) => {
    const wrapped = raw as { data?: unknown } | null;
    return wrapped && typeof wrapped === 'object' && !('purchase' in wrapped) && wrapped.data ? wrapped.data : raw;
  },
  z
    .looseObject({ purchase: vipPurchaseRecordSchema, black_diamonds: count, already_unlocked: flag })
    .refine((r) => r.purchase.purchase.trackId !== '', { message: 'purchase without track_id', path: ['purchase'] })
    .transform((r): VipUnlockResult => ({
      purchase: r.purchase.purchase,
      blackDiamonds: r.black_diamonds,
      alreadyUnlocked: r.already_unlocked,
    })),
);

export function unlockVerbs(client: Base44Client) {
  // Identical concurrent unlocks (a double tap, two tabs) from one member share one upstream call.
  // The function is idempotent anyway; this saves the second round trip.
  const inFlight = new Map<string, Promise<VipUnlockResult>>();

  async function callUnlock(token: string, trackId: string): Promise<VipUnlockResult> {
    try {
      const result = await client.request({
        method: 'POST',
        path: '/functions/unlockVipTrack',
        token,
        body: { track_id: trackId },
        schema: unlockResultSchema,
        messages: {
          not_found: 'This track does not exist or is not available to you.',
          conflict: 'Only approved VIP tracks can be unlocked.',
        },
      });
      if (result.purchase.trackId !== trackId) {
        throw new Base44Error('bad_response', { detail: 'unlockVipTrack answered with a purchase of another track' });
      }
      return result;
    } catch (error) {
      if (isBase44Error(error) && error.upstreamStatus === 402) throw new InsufficientDiamondsError(error.detail);
      throw error;
    }
  }

  /**
   * Unlocks `trackId` for the caller (`callerId` = the session's user id, the coalescing key).
   * Not abandoned when the caller's request goes away (`options.signal` is ignored): a purchase
   * is not left half way on our side, and asking again returns it without a second charge.
   */
  function unlockVipTrack(token: string, callerId: string, trackId: string, _options: CallOptions = {}): Promise<VipUnlockResult> {
    const key = `${callerId}\u0000${trackId}`;
    let flight = inFlight.get(key);
    if (!flight) {
      flight = callUnlock(token, trackId).finally(() => inFlight.delete(key));
      inFlight.set(key, flight);
    }
    return flight;
  }

  return { unlockVipTrack };
}
