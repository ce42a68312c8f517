import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ID, BASE_URL, JWT_SECRET, startTestBackend, type TestBackend, signMemberToken } from './support';

// The unlockVipTrack function: one Black Diamond per VIP track, charged and recorded in one
// transaction, idempotent per (member, track), never below zero, and the only way to a purchase.

let api!: TestBackend;
const token = { producer: '', admin: '', dj: '' };
const userId = { producer: '', admin: '', dj: '' };

beforeAll(async () => {
  api = await startTestBackend();
  const emails = { producer: 'producer@spynners.local', admin: 'admin@spynners.local', dj: 'dj@spynners.local' };
  for (const who of Object.keys(emails) as (keyof typeof emails)[]) {
    token[who] = await api.login(emails[who]);
    userId[who] = (await api.call('GET', '/entities/User/me', { token: token[who] })).json.id;
  }
});
afterAll(() => api.close());

const unlock = (who: string, body: unknown) => api.call('POST', '/functions/unlockVipTrack', { token: who, body });

async function newTrack(fields: Record<string, unknown> = {}): Promise<string> {
  const answer = await api.call('POST', '/entities/Track', {
    token: token.admin,
    body: { title: 'VIP cut', producer_id: userId.producer, status: 'approved', is_vip: true, vip_preview_start: 30, vip_preview_end: 60, ...fields },
  });
  expect(answer.status, JSON.stringify(answer.json)).toBe(201);
  return answer.json.id;
}

/** A new member holding `diamonds`, with a token signed like the backend's. */
async function member(diamonds: number): Promise<{ id: string; token: string }> {
  const created = await api.call('POST', '/entities/User', {
    token: token.admin,
    body: { email: `vip-${Math.random().toString(36).slice(2)}@example.com`, full_name: 'VIP buyer', role: 'user', black_diamonds: diamonds },
  });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  const signed = await signMemberToken(created.json.id);
  return { id: created.json.id, token: signed };
}

const balance = async (id: string) => (await api.call('GET', `/entities/User/${id}`, { token: token.admin })).json.black_diamonds;
const purchasesOf = async (id: string) =>
  (await api.call('GET', '/entities/VIPPurchase', { token: token.admin, query: { q: { user_id: id }, limit: '1000' } })).json as Array<Record<string, unknown>>;

describe('unlockVipTrack', () => {
  it('charges one diamond and records one purchase; a second call returns it without charging', async () => {
    const buyer = await member(3);
    const id = await newTrack();
    const first = await unlock(buyer.token, { track_id: id });
    expect(first.status, JSON.stringify(first.json)).toBe(200);
    expect(first.json).toMatchObject({ black_diamonds: 2, already_unlocked: false });
    expect(first.json.purchase).toMatchObject({ user_id: buyer.id, track_id: id, amount: 1, price_paid: 1, type: 'track_unlock' });
    expect(Date.parse(first.json.purchase.purchased_at)).toBeGreaterThan(Date.now() - 60_000);

    const again = await unlock(buyer.token, { track_id: id });
    expect(again.status).toBe(200);
    expect(again.json).toEqual({ purchase: first.json.purchase, black_diamonds: 2, already_unlocked: true });
    expect(await balance(buyer.id)).toBe(2);
    expect(await purchasesOf(buyer.id)).toHaveLength(1);
  });

  it('10 concurrent unlocks of one track by one member: one charge, one purchase', async () => {
    const buyer = await member(3);
    const id = await newTrack();
    const answers = await Promise.all(Array.from({ length: 10 }, () => unlock(buyer.token, { track_id: id })));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect(answers.filter((a) => a.json.already_unlocked === false)).toHaveLength(1);
    expect(new Set(answers.map((a) => a.json.purchase.id)).size).toBe(1);
    expect(answers.every((a) => a.json.black_diamonds === 2)).toBe(true);
    expect(await balance(buyer.id)).toBe(2);
    expect(await purchasesOf(buyer.id)).toHaveLength(1);
  });

  it('a balance of 2 and 3 different tracks unlocked at once: exactly 2 succeed, balance 0, never negative', async () => {
    const buyer = await member(2);
    const ids = [await newTrack(), await newTrack(), await newTrack()];
    const answers = await Promise.all(ids.map((id) => unlock(buyer.token, { track_id: id })));
    const ok = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status !== 200);
    expect(ok).toHaveLength(2);
    expect(refused.map((a) => [a.status, a.json.code])).toEqual([[402, 'insufficient_diamonds']]);
    expect(refused[0]!.json).toMatchObject({ black_diamonds: 0, price: 1, message: expect.stringMatching(/Not enough Black Diamonds/) });
    expect(ok.map((a) => a.json.black_diamonds).sort()).toEqual([0, 1]);
    expect(await balance(buyer.id)).toBe(0);
    const purchases = await purchasesOf(buyer.id);
    expect(purchases.map((p) => p.track_id).sort()).toEqual(ok.map((a) => a.json.purchase.track_id).sort());

    // Still refused with nothing left; what was bought stays unlocked for free.
    const retry = await unlock(buyer.token, { track_id: refused.length ? ids.find((id) => !purchases.some((p) => p.track_id === id)) : ids[0] });
    expect(retry.status).toBe(402);
    const owned = await unlock(buyer.token, { track_id: purchases[0]!.track_id });
    expect(owned.json).toMatchObject({ already_unlocked: true, black_diamonds: 0 });
    expect(await balance(buyer.id)).toBe(0);
  });

  it('refuses tracks that are not approved VIP tracks, and bad input, changing nothing', async () => {
    const buyer = await member(3);
    const notVip = await newTrack({ is_vip: false });
    const pendingVip = await newTrack({ status: 'pending' });
    const rejectedVip = await newTrack({ status: 'rejected' });
    const answers = {
      notVip: await unlock(buyer.token, { track_id: notVip }),
      pendingVip: await unlock(buyer.token, { track_id: pendingVip }),
      rejectedVip: await unlock(buyer.token, { track_id: rejectedVip }),
      unknown: await unlock(buyer.token, { track_id: 'no-such-track' }),
      ownPending: await unlock(token.producer, { track_id: pendingVip }),
    };
    expect(answers.notVip).toMatchObject({ status: 409, json: { code: 'not_unlockable' } });
    // Someone else's unapproved track does not exist for the caller; their own is there but not for sale.
    expect(answers.pendingVip.status).toBe(404);
    expect(answers.rejectedVip.status).toBe(404);
    expect(answers.unknown.status).toBe(404);
    expect(answers.ownPending).toMatchObject({ status: 409, json: { code: 'not_unlockable' } });
    for (const body of [{}, { track_id: '' }, { track_id: 7 }, { track_id: notVip, extra: 1 }, [notVip], 'x']) {
      expect((await unlock(buyer.token, body)).status, JSON.stringify(body)).toBe(400);
    }
    expect((await api.call('POST', '/functions/unlockVipTrack', { body: { track_id: notVip } })).status).toBe(401);
    expect(await balance(buyer.id)).toBe(3);
    expect(await purchasesOf(buyer.id)).toHaveLength(0);
  });

  it('counts legacy unlocks (no type, owner only in created_by_id) as already bought', async () => {
    const buyer = await member(1);
    const id = await newTrack();
    const legacy = await api.call('POST', '/entities/VIPPurchase', { token: token.admin, body: { track_id: id, amount: 1, user_id: null } });
    expect(legacy.status, JSON.stringify(legacy.json)).toBe(201);
    // As imported from the legacy app: the buyer is only the record's creator (a system field).
    const db = new Database(path.join(api.dataDir, 'base44.sqlite'));
    db.prepare(`UPDATE "VIPPurchase" SET data = json_set(data, '$.created_by_id', ?) WHERE id = ?`).run(buyer.id, legacy.json.id);
    db.close();
    // A purchase of another kind is not an unlock.
    const gift = await newTrack();
    await api.call('POST', '/entities/VIPPurchase', { token: token.admin, body: { track_id: gift, amount: 1, user_id: buyer.id, type: 'gift' } });

    const answer = await unlock(buyer.token, { track_id: id });
    expect(answer.json).toMatchObject({ already_unlocked: true, black_diamonds: 1, purchase: { id: legacy.json.id } });
    const bought = await unlock(buyer.token, { track_id: gift });
    expect(bought.json).toMatchObject({ already_unlocked: false, black_diamonds: 0 });
  });

  it('is the only way to a purchase: members cannot create, re-price, move or delete one', async () => {
    const buyer = await member(1);
    const id = await newTrack();
    const forged = await api.call('POST', '/entities/VIPPurchase', { token: buyer.token, body: { track_id: id, amount: 1, type: 'track_unlock' } });
    expect(forged.status).toBe(403);
    const bulk = await api.call('POST', '/entities/VIPPurchase/bulk', { token: buyer.token, body: [{ track_id: id, user_id: buyer.id }] });
    expect(bulk.status).toBe(403);
    const bought = (await unlock(buyer.token, { track_id: id })).json.purchase;
    const other = await newTrack();
    expect((await api.call('PUT', `/entities/VIPPurchase/${bought.id}`, { token: buyer.token, body: { track_id: other } })).status).toBe(403);
    expect((await api.call('PUT', `/entities/VIPPurchase/${bought.id}`, { token: buyer.token, body: { price_paid: 0 } })).status).toBe(403);
    expect((await api.call('DELETE', `/entities/VIPPurchase/${bought.id}`, { token: buyer.token })).status).toBe(403);
    const many = await api.call('PATCH', '/entities/VIPPurchase/update-many', { token: buyer.token, body: { query: { user_id: buyer.id }, data: { $set: { track_id: other } } } });
    expect(many.status).toBe(403);
    expect((await api.call('PUT', '/entities/User/me', { token: buyer.token, body: { black_diamonds: 9 } })).status).toBe(403);
    expect(await purchasesOf(buyer.id)).toEqual([bought]);
    // The member still reads their own purchase (the VIP overview lists them).
    expect((await api.call('GET', `/entities/VIPPurchase/${bought.id}`, { token: buyer.token })).status).toBe(200);
  });
});

describe('unlockVipTrack across processes sharing the data folder', () => {
  it('3 processes unlocking the same 3 tracks for a member holding 2: 2 charges, 2 purchases, never negative', { timeout: 90_000 }, async () => {
    const buyer = await member(2);
    const ids = [await newTrack(), await newTrack(), await newTrack()];
    // Each child opens its own SQLite connection on the same files, waits for "go" on stdin, then
    // fires its three unlocks at once; the parent releases every child in the same tick.
    const script = path.join(api.dataDir, 'unlock-child.mts');
    const entry = path.resolve(__dirname, '../../../lib/embedded-base44/index.ts');
    writeFileSync(
      script,
      `import { createEmbeddedBase44 } from ${JSON.stringify(entry)};
const [dataDir, token, ...ids] = process.argv.slice(2);
const backend = createEmbeddedBase44({ dataDir, baseUrl: ${JSON.stringify(BASE_URL)}, jwtSecret: ${JSON.stringify(JWT_SECRET)}, seed: false });
await backend.ready;
process.stdout.write('ready\\n');
process.stdin.once('data', async () => {
  const answers = await Promise.all(ids.map(async (id) => {
    const res = await backend.handle(new Request(${JSON.stringify(`${BASE_URL}/api/apps/${APP_ID}/functions/unlockVipTrack`)}, {
      method: 'POST', headers: { authorization: 'Bearer ' + token, 'content-type': 'application/json' },
      body: JSON.stringify({ track_id: id }),
    }));
    return { status: res.status, json: await res.json() };
  }));
  backend.close();
  process.stdout.write(JSON.stringify(answers) + '\\n');
  process.exit(0);
});
`,
    );
    const tsx = path.resolve(__dirname, '../../../node_modules/.bin/tsx');
    const children = Array.from({ length: 3 }, () => {
      const child = spawn(tsx, [script, api.dataDir, buyer.token, ...ids], { stdio: ['pipe', 'pipe', 'inherit'] });
      let out = '';
      const ready = new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.startsWith('ready\n')) resolve();
        });
        child.on('exit', (code) => reject(new Error(`child exited early with ${code}`)));
      });
      const done = new Promise<Array<{ status: number; json: Record<string, unknown> }>>((resolve, reject) => {
        child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.slice('ready\n'.length))) : reject(new Error(`child failed: ${code}`))));
      });
      return { child, ready, done };
    });
    await Promise.all(children.map((c) => c.ready));
    for (const { child } of children) child.stdin.end('go\n');
    const answers = (await Promise.all(children.map((c) => c.done))).flat();

    expect(answers).toHaveLength(9);
    const charged = answers.filter((a) => a.status === 200 && a.json.already_unlocked === false);
    const repeats = answers.filter((a) => a.status === 200 && a.json.already_unlocked === true);
    const refused = answers.filter((a) => a.status === 402);
    expect(charged).toHaveLength(2);
    expect(repeats.length + refused.length).toBe(7);
    expect(answers.every((a) => a.status === 200 || (a.status === 402 && a.json.code === 'insufficient_diamonds'))).toBe(true);
    expect(answers.every((a) => typeof a.json.black_diamonds === 'number' && (a.json.black_diamonds as number) >= 0)).toBe(true);
    expect(await balance(buyer.id)).toBe(0);
    const purchases = await purchasesOf(buyer.id);
    expect(purchases).toHaveLength(2);
    expect(new Set(purchases.map((p) => p.track_id)).size).toBe(2);
  });
});
