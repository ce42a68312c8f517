import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ConsoleDatabase } from '@/lib/offline/db';
import { listOnAirPlays, recordOnAirPlay, type OnAirPlay } from '@/lib/sessions/on-air-log';

const play = (id: string, userId: string, startedAt: number): OnAirPlay => ({
  id, userId, trackId: `t-${id}`, title: `Track ${id}`, artist: 'DJ', producerId: 'p1', source: 'A', startedAt, audibleMs: 30_000,
});

describe('the on-air log', () => {
  it("lists one DJ's plays inside a time window, oldest first, and updates a play in place", async () => {
    const db = new ConsoleDatabase(`on-air-${process.pid}`);
    await recordOnAirPlay(play('b', 'dj-1', 2000), db);
    await recordOnAirPlay(play('a', 'dj-1', 1000), db);
    await recordOnAirPlay(play('c', 'dj-2', 1500), db);
    await recordOnAirPlay(play('d', 'dj-1', 5000), db);
    await recordOnAirPlay({ ...play('a', 'dj-1', 1000), audibleMs: 45_000 }, db);
    const plays = await listOnAirPlays('dj-1', 1000, 4000, db);
    expect(plays.map((p) => [p.id, p.audibleMs])).toEqual([['a', 45_000], ['b', 30_000]]);
    expect((await listOnAirPlays('dj-1', 0, undefined, db)).map((p) => p.id)).toEqual(['a', 'b', 'd']);
    db.close();
  });
});
