import { describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { idParamsSchema, recordIdSchema } from '@/lib/api/params';

process.env.NEXTAUTH_SECRET = 'unit-test-secret-0123456789abcdefghijklmnopqrstuvwxyz';
process.env.NEXTAUTH_URL = 'http://console.test';
process.env.BASE44_SERVER_URL = 'http://base44.invalid';

describe('recordIdSchema', () => {
  it.each(['6650a1b2c3d4e5f601234567', 'trk_01', 'a', 'A-b_9', 'x'.repeat(64), 'counter', 'mee', 'v2x', 'bulky'])('accepts the id %j', (id) => {
    expect(recordIdSchema.safeParse(id).success).toBe(true);
  });

  it.each([
    // Base44 routes these under /entities/:entity/… as actions: never records.
    'count', 'Count', 'filter', 'bulk', 'update-many', 'v2', 'v1', 'V2', 'me', 'import', 'upsert', 'aggregate', 'schema', 'list',
    // Not ids at all.
    '', '\u00ff\u00fe', '%FF%FE', 'a/b', '..', 'a b', 'x'.repeat(65),
  ])('refuses %j', (id) => {
    expect(recordIdSchema.safeParse(id).success).toBe(false);
  });
});

describe('an id route', () => {
  it('answers a sub-route name or undecodable id with 400 before the session (signed out)', async () => {
    const { route } = await import('@/lib/api/route');
    let ran = false;
    const handler = route({ params: idParamsSchema }, async () => {
      ran = true;
      return {};
    });
    for (const id of ['count', 'filter', 'v2', '\u00ff\u00fe']) {
      const res = await handler(new NextRequest(`http://console.test/api/tracks/${encodeURIComponent(id)}`), { params: Promise.resolve({ id }) });
      expect(res.status, id).toBe(400);
      expect((await res.json()).error).toMatchObject({ code: 'invalid_input', issues: [{ path: 'id' }] });
    }
    expect(ran).toBe(false);
  });
});
