import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ConsoleDatabase } from '@/lib/offline/db';
import { recordOnAirPlay, type OnAirPlay } from '@/lib/sessions/on-air-log';
import { addToSet, correctEntry, discardEmptySet, endSet, liveSetOf, recentPlaces, removeFromSet, SetError, startSet } from '@/lib/sessions/sets';

// A set = the on-air plays (recorded by the decks through recordOnAirPlay) in its window, with the
// DJ's edits; ending it freezes the entries and queues exactly one outbox entry, atomically.

let db: ConsoleDatabase;
let n = 0;
afterEach(() => db?.close());
const fresh = () => (db = new ConsoleDatabase(`sets-${process.pid}-${++n}`));

const T0 = Date.parse('2026-11-26T22:00:00.000Z');
const play = (id: string, startedAt: number, fields: Partial<OnAirPlay> = {}): OnAirPlay => ({
  id, userId: 'dj-1', trackId: `track-${id}`, title: `Title ${id}`, artist: 'Kaya Lune', producerId: 'prod-1', source: 'A', startedAt, audibleMs: 30_000, ...fields,
});
const place = { venue: '  Club   Orbit ', city: 'Lyon', country: 'France' };
const vinyl = { trackId: 'vinyl', title: 'From vinyl', artist: 'Someone', producerId: 'prod-2' };

describe('DJ sets', () => {
  it('assembles on-air plays of the window (long enough, this DJ), with additions, removals and corrections', async () => {
    fresh();
    const set = await startSet(db, 'dj-1', place, T0);
    expect(set).toMatchObject({ status: 'live', venue: 'Club Orbit' });
    await recordOnAirPlay(play('before', T0 - 60_000), db);
    await recordOnAirPlay(play('a', T0 + 60_000, { source: 'A' }), db);
    await recordOnAirPlay(play('b', T0 + 300_000, { source: 'B' }), db);
    await recordOnAirPlay(play('short', T0 + 400_000, { audibleMs: 10_000 }), db);
    await recordOnAirPlay(play('other-dj', T0 + 500_000, { userId: 'dj-2' }), db);
    await recordOnAirPlay(play('c', T0 + 600_000, { source: 'player' }), db);
    await addToSet(db, set.id, { trackId: 'vinyl', title: 'From vinyl', artist: 'Someone', producerId: 'prod-2' }, T0 + 450_000);
    await removeFromSet(db, set.id, 'c');
    await correctEntry(db, set.id, 'b', { trackId: 'right', title: 'The right one', artist: 'Other', producerId: 'prod-3' });
    await recordOnAirPlay(play('after', T0 + 2_000_000), db);

    const outboxId = await endSet(db, set.id, T0 + 1_000_000);
    const ended = await db.djSets.get(set.id);
    expect(ended).toMatchObject({ status: 'pending', endedAt: T0 + 1_000_000, outboxId });
    expect(ended!.entries!.map((e) => [e.trackId, e.source, e.corrected])).toEqual([
      ['track-a', 'A', false],
      ['right', 'B', true],
      ['vinyl', 'added', false],
    ]);
    const entry = await db.outbox.get(outboxId);
    expect(entry).toMatchObject({ userId: 'dj-1', kind: 'dj-set', subjectId: set.id, state: 'pending', attempts: 0, request: { method: 'POST', url: '/api/sessions' } });
    expect(entry!.request.body).toEqual({
      djId: 'dj-1', venue: 'Club Orbit', city: 'Lyon', country: 'France',
      startedAt: '2026-11-26T22:00:00.000Z', endedAt: '2026-11-26T22:16:40.000Z',
      tracks: [
        { trackId: 'track-a', playedAt: '2026-11-26T22:01:00.000Z' },
        { trackId: 'right', playedAt: '2026-11-26T22:05:00.000Z' },
        { trackId: 'vinyl', playedAt: '2026-11-26T22:07:30.000Z' },
      ],
    });
    expect(outboxId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('one live set at a time; an ended set cannot be ended or edited again (one outbox entry)', async () => {
    fresh();
    const set = await startSet(db, 'dj-1', place, T0);
    await expect(startSet(db, 'dj-1', place, T0 + 1)).rejects.toBeInstanceOf(SetError);
    await expect(startSet(db, 'dj-2', place, T0 + 1)).resolves.toMatchObject({ userId: 'dj-2' });
    await addToSet(db, set.id, vinyl, T0 + 5_000);
    await endSet(db, set.id, T0 + 10_000);
    await expect(endSet(db, set.id, T0 + 20_000)).rejects.toBeInstanceOf(SetError);
    await expect(addToSet(db, set.id, { trackId: 'x', title: 'x', artist: 'x', producerId: null }, T0)).rejects.toBeInstanceOf(SetError);
    expect(await db.outbox.where('[userId+createdAt]').between(['dj-1', 0], ['dj-1', Infinity]).count()).toBe(1);
    expect(await liveSetOf(db, 'dj-1')).toBeNull();
    await expect(startSet(db, 'dj-1', { venue: ' ', city: '', country: '' }, T0)).rejects.toThrow(/venue/);
  });

  it('removing a track added by hand drops it; an empty set cannot be ended, only discarded (nothing queued)', async () => {
    fresh();
    const set = await startSet(db, 'dj-1', place, T0);
    await addToSet(db, set.id, { trackId: 'x', title: 'x', artist: 'x', producerId: null }, T0 + 5);
    const [added] = (await db.djSets.get(set.id))!.added;
    await removeFromSet(db, set.id, added!.id);
    expect((await db.djSets.get(set.id))!.added).toEqual([]);
    await expect(endSet(db, set.id, T0 + 10)).rejects.toThrow(/discard/);
    await discardEmptySet(db, set.id, T0 + 10);
    expect(await db.djSets.get(set.id)).toBeUndefined();
    expect(await db.outbox.count()).toBe(0);
  });

  it('a set in which a track went on air meanwhile is not discarded', async () => {
    fresh();
    const set = await startSet(db, 'dj-1', place, T0);
    await recordOnAirPlay(play('a', T0 + 60_000), db);
    await expect(discardEmptySet(db, set.id, T0 + 120_000)).rejects.toThrow(/end it/);
    expect(await liveSetOf(db, 'dj-1')).toMatchObject({ id: set.id });
    await expect(discardEmptySet(db, 'no-such-set', T0)).rejects.toBeInstanceOf(SetError);
  });

  it('suggests the last places used, most recent first, each once', async () => {
    fresh();
    const mk = async (venue: string, city: string, at: number) => {
      const { id } = await startSet(db, 'dj-1', { venue, city, country: 'FR' }, at);
      await addToSet(db, id, vinyl, at);
      return endSet(db, id, at + 1);
    };
    await mk('Club Orbit', 'Lyon', T0);
    await mk('Warehouse 9', 'Brussels', T0 + 10);
    await mk('club orbit', 'lyon', T0 + 20);
    const sets = await db.djSets.toArray();
    expect(recentPlaces(sets).map((p) => p.venue)).toEqual(['club orbit', 'Warehouse 9']);
  });
});
