// Runs inside the page (Chromium) or, as a fallback, in Node over fake-indexeddb: seeds a 10 000-track
// query cache with each persistence strategy, restores it cold, and counts bytes written to IndexedDB.
// Bundled by query-persist.bench.ts with esbuild (global `bench`).
import Dexie, { type Table } from 'dexie';
import { hashKey, type QueryClient, type QueryKey } from '@tanstack/react-query';
import {
  experimental_createQueryPersister,
  persistQueryClientRestore,
  persistQueryClientSave,
  type PersistedClient,
  type PersistedQuery,
  type Persister,
} from '@tanstack/query-persist-client-core';
import { ConsoleDatabase } from '../../lib/offline/db';
import { createQueryClient } from '../../lib/query/client';
import { startQueryPersistence, type QueryPersistence } from '../../lib/query/persist';
import type { Catalogue } from '../../lib/query/catalogue';
import type { Track } from '../../lib/domain/types';
import { syntheticCache } from './query-persist.fixtures';

export type Strategy = 'ours' | 'whole' | 'perQuery';
const USER = 'usr_bench';
const BUSTER = 'bench';

// ---- bytes written: every value handed to IndexedDB, measured as UTF-8 JSON -------------------
let written = 0;
const encoder = new TextEncoder();
const sizeOf = (value: unknown) => encoder.encode(JSON.stringify(value)).length;
for (const method of ['put', 'add'] as const) {
  const original = IDBObjectStore.prototype[method];
  IDBObjectStore.prototype[method] = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
    written += sizeOf(value);
    return original.call(this, value, key);
  };
}

// ---- the two alternatives, over Dexie as well ----------------------------------------------------
class WholeDb extends Dexie {
  clients!: Table<{ userId: string; client: PersistedClient }, string>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ clients: 'userId' });
  }
}
class KvDb extends Dexie {
  kv!: Table<{ key: string; value: PersistedQuery }, string>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ kv: 'key' });
  }
}
/** persistQueryClient's usual shape: the whole dehydrated client as one value. */
function wholePersister(db: WholeDb): Persister {
  return {
    persistClient: async (client) => void (await db.clients.put({ userId: USER, client })),
    restoreClient: async () => (await db.clients.get(USER))?.client,
    removeClient: async () => db.clients.delete(USER),
  };
}
function perQueryPersister(db: KvDb) {
  return experimental_createQueryPersister<PersistedQuery>({
    storage: {
      getItem: async (key) => (await db.kv.get(key))?.value,
      setItem: (key, value) => db.kv.put({ key, value }),
      removeItem: (key) => db.kv.delete(key),
      entries: async () => (await db.kv.toArray()).map((row): [string, PersistedQuery] => [row.key, row.value]),
    },
    // Structured clone both ways, like the other two (no JSON strings).
    serialize: (query) => query,
    deserialize: (query) => query,
    buster: BUSTER,
    maxAge: 7 * 86_400_000,
  });
}

const names = (base: string) => ({ ours: base, whole: `${base}-whole`, perQuery: `${base}-perquery` });
const coreClient = (client: QueryClient) => client as unknown as Parameters<typeof persistQueryClientSave>[0]['queryClient'];
const newClient = () => createQueryClient({ onNetworkFailure: () => {} });

function fill(client: QueryClient) {
  for (const entry of syntheticCache()) client.setQueryData(entry.queryKey, entry.data);
}

// ---- live sessions, kept between calls on one page ---------------------------------------------
const live: Partial<Record<Strategy, { client: QueryClient; save: (changed: QueryKey) => Promise<void>; db: Dexie; session?: QueryPersistence }>> = {};

export async function seed(strategy: Strategy, base: string): Promise<{ bytes: number; ms: number }> {
  const client = newClient();
  const started = performance.now();
  written = 0;
  if (strategy === 'ours') {
    const db = new ConsoleDatabase(names(base).ours);
    const session = startQueryPersistence({ queryClient: client, userId: USER, db, buster: BUSTER, throttleMs: 1e9 });
    await session.restored;
    fill(client);
    await session.flush();
    live.ours = { client, db, session, save: session.flush };
  } else if (strategy === 'whole') {
    const db = new WholeDb(names(base).whole);
    const persister = wholePersister(db);
    fill(client);
    const save = () => persistQueryClientSave({ queryClient: coreClient(client), persister, buster: BUSTER });
    await save();
    live.whole = { client, db, save };
  } else {
    const db = new KvDb(names(base).perQuery);
    const persister = perQueryPersister(db);
    fill(client);
    // The per-query persister writes on fetch only; setQueryData needs an explicit persist (#6310).
    for (const query of client.getQueryCache().getAll()) await persister.persistQueryByKey(query.queryKey, coreClient(client));
    live.perQuery = { client, db, save: (changed) => persister.persistQueryByKey(changed, coreClient(client)) };
  }
  return { bytes: written, ms: performance.now() - started };
}

/**
 * One single-query change on a seeded strategy: a track's detail (small query) or a rating patched
 * into the catalogue (the 10 000-track query), then that strategy's save. Bytes written vs the data.
 */
export async function change(strategy: Strategy, which: 'detail' | 'catalogue', i: number) {
  const target = live[strategy]!;
  const bump = (t: Track): Track => ({ ...t, ratingCount: t.ratingCount + 1, averageRating: ((i % 40) + 10) / 10 });
  let key: QueryKey;
  if (which === 'detail') {
    const detail = target.client.getQueryCache().findAll({ queryKey: ['tracks', 'detail'] })[i % 20]!;
    key = detail.queryKey;
    target.client.setQueryData<Track>(key, (t) => bump(t!));
  } else {
    key = ['catalogue'];
    target.client.setQueryData<Catalogue>(key, (c) => ({ ...c!, tracks: c!.tracks.map((t, n) => (n === i ? bump(t) : t)) }));
  }
  written = 0;
  await target.save(key);
  return { bytes: written, dataBytes: sizeOf(target.client.getQueryData(key)), key: hashKey(key) };
}

/** Cold restore into a new QueryClient, each strategy through its own code path. */
export async function restore(strategy: Strategy | 'raw', base: string): Promise<{ ms: number; tracks: number }> {
  const client = newClient();
  const started = performance.now();
  let tracks = 0;
  if (strategy === 'raw') {
    const db = await new Promise<IDBDatabase>((ok, ko) => {
      const open = indexedDB.open(names(base).ours);
      open.onsuccess = () => ok(open.result);
      open.onerror = () => ko(open.error);
    });
    const rows = await new Promise<Array<{ data: unknown }>>((ok, ko) => {
      const req = db.transaction('queryCache').objectStore('queryCache').getAll();
      req.onsuccess = () => ok(req.result);
      req.onerror = () => ko(req.error);
    });
    const ms = performance.now() - started;
    db.close();
    const catalogue = rows.find((r) => (r.data as Catalogue | undefined)?.tracks?.length)?.data as Catalogue;
    return { ms, tracks: catalogue.tracks.length };
  }
  if (strategy === 'ours') {
    const db = new ConsoleDatabase(names(base).ours);
    const session = startQueryPersistence({ queryClient: client, userId: USER, db, buster: BUSTER, throttleMs: 1e9 });
    await session.restored;
    const ms = performance.now() - started;
    session.stop();
    db.close();
    tracks = client.getQueryData<Catalogue>(['catalogue'])?.tracks.length ?? 0;
    return { ms, tracks };
  }
  if (strategy === 'whole') {
    const db = new WholeDb(names(base).whole);
    await persistQueryClientRestore({ queryClient: coreClient(client), persister: wholePersister(db), buster: BUSTER, maxAge: 7 * 86_400_000 });
    const ms = performance.now() - started;
    db.close();
    return { ms, tracks: client.getQueryData<Catalogue>(['catalogue'])?.tracks.length ?? 0 };
  }
  const db = new KvDb(names(base).perQuery);
  await perQueryPersister(db).restoreQueries(coreClient(client));
  const ms = performance.now() - started;
  db.close();
  return { ms, tracks: client.getQueryData<Catalogue>(['catalogue'])?.tracks.length ?? 0 };
}
