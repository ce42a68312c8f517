import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Base44Error } from '@/lib/base44/errors';
import { InsufficientDiamondsError, unlockResultSchema } from '@/lib/base44/unlock';
import { backendCall, createMembers, startEmbeddedWithDemoMembers, type SignedInMember } from './support/embedded';

// The adapter's unlock verb against the embedded backend's unlockVipTrack function: domain shape,
// one charge however the calls arrive, and the errors a route maps to clear answers.

let env!: Awaited<ReturnType<typeof startEmbeddedWithDemoMembers>>;
let dj!: SignedInMember;
let producer!: SignedInMember;
let admin = '';

beforeAll(async () => {
  env = await startEmbeddedWithDemoMembers();
  ({ dj, producer } = env);
  admin = env.admin.token;
});
afterAll(() => env.close());

async function newTrack(fields: Record<string, unknown> = {}): Promise<string> {
  const created = await backendCall(env.backend, 'POST', '/entities/Track', admin, {
    title: 'VIP', producer_id: producer.id, status: 'approved', is_vip: true, vip_preview_start: 10, vip_preview_end: 40, ...fields,
  });
  expect(created.status).toBe(201);
  return created.json.id;
}

async function memberWith(diamonds: number) {
  const [member] = await createMembers(env.backend, admin, 1, 'unlock');
  expect((await backendCall(env.backend, 'PUT', `/entities/User/${member!.id}`, admin, { black_diamonds: diamonds })).status).toBe(200);
  return member!;
}

const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (e: unknown) => (e instanceof InsufficientDiamondsError ? `insufficient:${e.status}` : e instanceof Base44Error ? e.code : String(e)),
  );

describe('unlockVipTrack (adapter)', () => {
  it('unlocks for one diamond, in domain shape, and shows in the VIP overview and balance', async () => {
    const { base44 } = env;
    const member = await memberWith(2);
    const id = await newTrack();
    const result = await base44.unlockVipTrack(member.token, member.id, id);
    expect(result).toEqual({
      purchase: { id: expect.any(String), userId: member.id, trackId: id, amount: 1, purchasedAt: expect.any(String) },
      blackDiamonds: 1,
      alreadyUnlocked: false,
    });
    const overview = await base44.getVipOverview(member.token, member.id);
    expect(overview.unlockedTrackIds).toEqual([id]);
    expect(overview.blackDiamonds).toBe(1);
    expect((await base44.getMe(member.token)).blackDiamonds).toBe(1);

    const again = await base44.unlockVipTrack(member.token, member.id, id);
    expect(again).toEqual({ ...result, alreadyUnlocked: true });
    expect((await base44.getMe(member.token)).blackDiamonds).toBe(1);
  });

  it('a double click (concurrent identical calls) costs one upstream call and one diamond', async () => {
    const { base44 } = env;
    const member = await memberWith(3);
    const id = await newTrack();
    const before = env.calls('POST /functions/:name');
    const results = await Promise.all(Array.from({ length: 5 }, () => base44.unlockVipTrack(member.token, member.id, id)));
    expect(env.calls('POST /functions/:name') - before).toBe(1);
    expect(new Set(results.map((r) => r.purchase.id)).size).toBe(1);
    expect((await base44.getMe(member.token)).blackDiamonds).toBe(2);
  });

  it('a balance of 2 and 3 tracks at once: two unlocks, one InsufficientDiamondsError, balance 0', async () => {
    const { base44 } = env;
    const member = await memberWith(2);
    const ids = [await newTrack(), await newTrack(), await newTrack()];
    const outcomes = await Promise.all(ids.map((id) => failureOf(base44.unlockVipTrack(member.token, member.id, id))));
    expect(outcomes.sort()).toEqual(['insufficient:409', 'resolved', 'resolved']);
    expect((await base44.getMe(member.token)).blackDiamonds).toBe(0);
    expect((await base44.getVipOverview(member.token, member.id)).unlockedTrackIds).toHaveLength(2);
    const error = await base44.unlockVipTrack(member.token, member.id, ids[0]!).then(
      () => null,
      (e: unknown) => e,
    );
    // ids[0] may be one of the two bought: then it resolves; otherwise the error says why.
    if (error) {
      expect(error).toBeInstanceOf(InsufficientDiamondsError);
      expect((error as Error).message).toMatch(/Not enough Black Diamonds/);
    }
  });

  it('maps refusals: not VIP → conflict, invisible → not_found, no session → unauthorized', async () => {
    const { base44 } = env;
    const member = await memberWith(1);
    const plain = await newTrack({ is_vip: false });
    const pending = await newTrack({ status: 'pending' });
    expect(await failureOf(base44.unlockVipTrack(member.token, member.id, plain))).toBe('conflict');
    await expect(base44.unlockVipTrack(member.token, member.id, plain)).rejects.toThrow('Only approved VIP tracks can be unlocked.');
    expect(await failureOf(base44.unlockVipTrack(member.token, member.id, pending))).toBe('not_found');
    expect(await failureOf(base44.unlockVipTrack('not-a-token', member.id, plain))).toBe('unauthorized');
    expect((await base44.getMe(member.token)).blackDiamonds).toBe(1);
  });
});

describe('unlock result wire schema', () => {
  const purchase = { id: 'p1', user_id: 'u1', track_id: 't1', amount: 1, price_paid: 1, type: 'track_unlock', purchased_at: '2025-01-01T00:00:00.000000' };
  it('reads the answer, also wrapped in {data}, and refuses one without a purchase', () => {
    const plain = unlockResultSchema.parse({ purchase, black_diamonds: 2, already_unlocked: false });
    expect(plain).toEqual({ purchase: { id: 'p1', userId: 'u1', trackId: 't1', amount: 1, purchasedAt: '2025-01-01T00:00:00.000Z' }, blackDiamonds: 2, alreadyUnlocked: false });
    expect(unlockResultSchema.parse({ data: { purchase, black_diamonds: '2', already_unlocked: 'true' } })).toMatchObject({ blackDiamonds: 2, alreadyUnlocked: true });
    expect(unlockResultSchema.safeParse({ black_diamonds: 2 }).success).toBe(false);
    expect(unlockResultSchema.safeParse({ purchase: { ...purchase, track_id: null }, black_diamonds: 2 }).success).toBe(false);
  });
});
