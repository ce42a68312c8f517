import { describe, expect, it } from 'vitest';
import { createSessionLiveness, type Liveness, type SessionRef } from '@/lib/auth/session-liveness';

function setUp(answers: Record<string, Liveness> = {}, ttlMs = 30_000) {
  let clock = 1_000_000;
  const reads: string[] = [];
  const answer = { ...answers };
  const liveness = createSessionLiveness({
    ttlMs,
    now: () => clock,
    async read({ sessionId }) {
      reads.push(sessionId);
      return answer[sessionId] ?? 'dead';
    },
  });
  const ref = (sessionId: string, userId = 'u1'): SessionRef => ({ sessionId, userId, token: `token-${userId}` });
  return { liveness, reads, answer, ref, advance: (ms: number) => (clock += ms) };
}

describe('session liveness cache', () => {
  it('asks the data source once per session per period, then again', async () => {
    const { liveness, reads, ref, advance } = setUp({ s1: 'live' });
    for (let i = 0; i < 5; i++) expect(await liveness.isLive(ref('s1'))).toBe(true);
    expect(reads).toEqual(['s1']);
    advance(29_999);
    await liveness.isLive(ref('s1'));
    expect(reads).toHaveLength(1);
    advance(1);
    await liveness.isLive(ref('s1'));
    expect(reads).toHaveLength(2);
  });

  it('sees a session ended elsewhere within the period (the staleness bound)', async () => {
    const { liveness, answer, ref, advance } = setUp({ s1: 'live' });
    expect(await liveness.isLive(ref('s1'))).toBe(true);
    answer.s1 = 'dead'; // revoked by another console instance
    advance(10_000);
    expect(await liveness.isLive(ref('s1'))).toBe(true);
    advance(20_000);
    expect(await liveness.isLive(ref('s1'))).toBe(false);
  });

  it('ends a session at once when this process ends it, even mid-period', async () => {
    const { liveness, ref } = setUp({ s1: 'live' });
    expect(await liveness.isLive(ref('s1'))).toBe(true);
    liveness.markDead('s1');
    expect(await liveness.isLive(ref('s1'))).toBe(false);
  });

  it('a dead session stays dead without asking again', async () => {
    const { liveness, reads, answer, ref, advance } = setUp({ s1: 'dead' });
    expect(await liveness.isLive(ref('s1'))).toBe(false);
    answer.s1 = 'live';
    advance(3_600_000);
    expect(await liveness.isLive(ref('s1'))).toBe(false);
    expect(reads).toEqual(['s1']);
  });

  it('ends every known session of a member but the one kept', async () => {
    const { liveness, ref } = setUp({ a: 'live', b: 'live', c: 'live' });
    await liveness.isLive(ref('a'));
    await liveness.isLive(ref('b'));
    await liveness.isLive(ref('c', 'u2'));
    liveness.markUserDead('u1', 'b');
    expect(await liveness.isLive(ref('a'))).toBe(false);
    expect(await liveness.isLive(ref('b'))).toBe(true);
    expect(await liveness.isLive(ref('c', 'u2'))).toBe(true);
  });

  it('shares one read among concurrent checks of a session', async () => {
    const { liveness, reads, ref } = setUp({ s1: 'live' });
    const all = await Promise.all(Array.from({ length: 20 }, () => liveness.isLive(ref('s1'))));
    expect(all.every(Boolean)).toBe(true);
    expect(reads).toEqual(['s1']);
  });

  it('when the data source cannot answer: the last answer holds, unknown sessions pass unremembered', async () => {
    const { liveness, reads, answer, ref, advance } = setUp({ s1: 'live', s2: 'unknown' });
    expect(await liveness.isLive(ref('s1'))).toBe(true);
    answer.s1 = 'unknown';
    advance(60_000);
    expect(await liveness.isLive(ref('s1'))).toBe(true);
    expect(await liveness.isLive(ref('s2'))).toBe(true);
    expect(await liveness.isLive(ref('s2'))).toBe(true);
    expect(reads.filter((r) => r === 's2')).toHaveLength(2);
  });

  it('a read that fails counts as unknown, not as an answer', async () => {
    const liveness = createSessionLiveness({ ttlMs: 1000, read: () => Promise.reject(new Error('network')) });
    expect(await liveness.isLive({ sessionId: 'x', userId: 'u', token: 't' })).toBe(true);
  });

  it('a session id presented for another member is not live', async () => {
    const { liveness, ref } = setUp({ s1: 'live' });
    expect(await liveness.isLive(ref('s1', 'u1'))).toBe(true);
    expect(await liveness.isLive(ref('s1', 'u2'))).toBe(false);
  });

  it('a sign-out during a read is not undone by the read', async () => {
    let release: (value: Liveness) => void = () => undefined;
    const liveness = createSessionLiveness({ ttlMs: 1000, read: () => new Promise<Liveness>((resolve) => (release = resolve)) });
    const pending = liveness.isLive({ sessionId: 's', userId: 'u', token: 't' });
    liveness.markDead('s');
    release('live');
    expect(await pending).toBe(false);
    expect(await liveness.isLive({ sessionId: 's', userId: 'u', token: 't' })).toBe(false);
  });

  it('remembers a bounded number of sessions', async () => {
    const reads: string[] = [];
    const liveness = createSessionLiveness({ ttlMs: 60_000, maxEntries: 2, read: async ({ sessionId }) => (reads.push(sessionId), 'live') });
    for (const id of ['a', 'b', 'c', 'a']) await liveness.isLive({ sessionId: id, userId: 'u', token: 't' });
    expect(reads).toEqual(['a', 'b', 'c', 'a']);
  });
});
