import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { ConsoleDatabase } from '@/lib/offline/db';
import { dexieRecordStore } from '@/lib/offline/downloads/records';
import { tracks } from './support';

// The Dexie table behind the download list: added in version 2 without touching version 1's stores;
// later versions (v3: decks and sets) keep it and the query cache too.

let counter = 0;
const name = () => `downloads-test-${process.pid}-${++counter}`;

describe('offlineTracks (Dexie v2)', () => {
  it('upgrades a version-1 database to the latest version and keeps its persisted query cache', async () => {
    const dbName = name();
    const v1 = new Dexie(dbName);
    v1.version(1).stores({ queryCache: '[userId+queryHash]', queryClients: 'userId' });
    await v1.table('queryCache').put({ userId: 'dj-1', queryHash: '["me"]', queryKey: ['me'], data: { id: 'dj-1' }, dataUpdatedAt: 1, dataUpdateCount: 1, isInvalidated: false });
    await v1.table('queryClients').put({ userId: 'dj-1', buster: 'b', timestamp: 1 });
    v1.close();

    const db = new ConsoleDatabase(dbName);
    expect(await db.queryCache.count()).toBe(1);
    expect((await db.queryClients.get('dj-1'))?.buster).toBe('b');
    expect(db.verno).toBe(4);
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'djSets', 'hotCues', 'offlineTracks', 'onAirPlays', 'outbox', 'playerSessions', 'queryCache', 'queryClients', 'waveforms',
    ]);
    db.close();
  });

  it('stores rows per member and counts a track across members', async () => {
    const db = new ConsoleDatabase(name());
    const store = dexieRecordStore(db);
    const [a, b] = tracks(2);
    const row = (userId: string, track = a!) => ({ userId, trackId: track.id, track, audioBytes: 10, audioType: 'audio/mpeg', artworkBytes: 0, downloadedAt: 5 });
    await store.put(row('dj-1'));
    await store.put(row('dj-1', b!));
    await store.put(row('dj-2'));
    await store.put(row('dj-2')); // the same key again: one row
    expect((await store.listByUser('dj-1')).map((r) => r.trackId).sort()).toEqual([a!.id, b!.id].sort());
    expect((await store.listByUser('dj-2')).map((r) => r.track.title)).toEqual([a!.title]);
    expect(await store.countByTrack(a!.id)).toBe(2);
    expect((await store.listOthers('dj-1')).map((r) => r.userId)).toEqual(['dj-2']);
    expect((await store.listOthers('dj-2')).map((r) => r.trackId).sort()).toEqual([a!.id, b!.id].sort());
    await store.delete('dj-1', a!.id);
    expect(await store.countByTrack(a!.id)).toBe(1);
    expect(await store.listByUser('nobody')).toEqual([]);
    db.close();
  });
});
