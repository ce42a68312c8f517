// A TanStack `Persister` (query-persist-client-core) over the console's Dexie database that writes
// only what changed: one row per query, keyed by [userId+queryHash]. persistQueryClient hands it
// the whole dehydrated client on every save; it compares each query's data version with what
// IndexedDB already holds and puts the changed rows / deletes the vanished ones in one transaction.
// Decision record and measurements: lib/query/README.md.
import Dexie from 'dexie';
import type { PersistedClient, Persister } from '@tanstack/query-persist-client-core';
import { withDb, type ConsoleDatabase, type PersistedQueryRow } from '@/lib/offline/db';

type DehydratedQuery = PersistedClient['clientState']['queries'][number];

export interface DexiePersisterOptions {
  db: ConsoleDatabase;
  userId: string;
  /** Queries whose data is older than this are dropped on restore (and deleted). */
  maxAge: number;
  now?: () => number;
}

/** The data version of a query: both change on every fetch success and on setQueryData. */
const versionOf = (state: { dataUpdatedAt: number; dataUpdateCount: number }) =>
  `${state.dataUpdatedAt}:${state.dataUpdateCount}`;

/**
 * What is stored is the last good data and its timestamps. A failed refetch's error (and its retry
 * counters) is not the user's data, and an Error is not safely cloneable: a query in error state
 * with data is stored, and restored, as the success it last was.
 */
function toRow(userId: string, query: DehydratedQuery): PersistedQueryRow {
  const { state } = query;
  return {
    userId,
    queryHash: query.queryHash,
    queryKey: query.queryKey,
    ...(query.queryType && { queryType: query.queryType }),
    data: state.data,
    dataUpdatedAt: state.dataUpdatedAt,
    dataUpdateCount: state.dataUpdateCount,
    isInvalidated: state.isInvalidated,
  };
}

function fromRow(row: PersistedQueryRow): DehydratedQuery {
  return {
    queryHash: row.queryHash,
    queryKey: row.queryKey,
    dehydratedAt: row.dataUpdatedAt,
    ...(row.queryType && { queryType: row.queryType }),
    state: {
      data: row.data,
      dataUpdatedAt: row.dataUpdatedAt,
      dataUpdateCount: row.dataUpdateCount,
      isInvalidated: row.isInvalidated,
      error: null,
      errorUpdateCount: 0,
      errorUpdatedAt: 0,
      fetchFailureCount: 0,
      fetchFailureReason: null,
      fetchMeta: null,
      status: 'success',
      fetchStatus: 'idle',
    },
  };
}

export function createDexiePersister({ db, userId, maxAge, now = Date.now }: DexiePersisterOptions): Persister {
  /** queryHash → data version of the row IndexedDB holds for this user. */
  const stored = new Map<string, string>();
  /** The buster of this user's bookkeeping row in IndexedDB, if there is one. */
  let storedBuster: string | null = null;
  const low = [userId, Dexie.minKey];
  const high = [userId, Dexie.maxKey];
  const userRows = () => db.queryCache.where('[userId+queryHash]').between(low, high, true, true);
  const purgeOtherUsers = () =>
    withDb(db, () =>
      db.transaction('rw', db.queryCache, db.queryClients, async () => {
        await db.queryCache.where('[userId+queryHash]').below(low).delete();
        await db.queryCache.where('[userId+queryHash]').above(high).delete();
        await db.queryClients.where('userId').notEqual(userId).delete();
      }),
    );

  return {
    async persistClient(client: PersistedClient) {
      const present = new Set<string>();
      const puts: PersistedQueryRow[] = [];
      for (const query of client.clientState.queries) {
        present.add(query.queryHash);
        if (stored.get(query.queryHash) !== versionOf(query.state)) puts.push(toRow(userId, query));
      }
      const gone = [...stored.keys()].filter((hash) => !present.has(hash));
      const newClient = storedBuster !== client.buster;
      // An empty client needs no bookkeeping row: restoring without one finds nothing either.
      if (puts.length === 0 && gone.length === 0) return;

      await withDb(db, () =>
        db.transaction('rw', db.queryCache, db.queryClients, async () => {
          if (puts.length > 0) await db.queryCache.bulkPut(puts);
          if (gone.length > 0) await db.queryCache.bulkDelete(gone.map((hash): [string, string] => [userId, hash]));
          if (newClient) await db.queryClients.put({ userId, buster: client.buster, timestamp: client.timestamp });
        }),
      );
      for (const row of puts) stored.set(row.queryHash, versionOf(row));
      for (const hash of gone) stored.delete(hash);
      storedBuster = client.buster;
    },

    async restoreClient() {
      const { clients, rows } = await withDb(db, () =>
        db.transaction('r', db.queryCache, db.queryClients, async () => ({
          clients: await db.queryClients.toArray(),
          rows: await userRows().toArray(),
        })),
      );
      // A shared iPad: whoever signed in before without signing out leaves nothing behind.
      if (clients.some((client) => client.userId !== userId)) await purgeOtherUsers();
      const meta = clients.find((client) => client.userId === userId);
      stored.clear();
      storedBuster = meta?.buster ?? null;
      if (!meta) {
        if (rows.length > 0) await withDb(db, () => userRows().delete());
        return undefined;
      }
      const oldestAllowed = now() - maxAge;
      const queries: DehydratedQuery[] = [];
      const expired: Array<[string, string]> = [];
      let newest = 0;
      for (const row of rows) {
        if (row.dataUpdatedAt < oldestAllowed) {
          expired.push([userId, row.queryHash]);
        } else {
          queries.push(fromRow(row));
          stored.set(row.queryHash, versionOf(row));
          newest = Math.max(newest, row.dataUpdatedAt);
        }
      }
      if (expired.length > 0) await withDb(db, () => db.queryCache.bulkDelete(expired));
      // persistQueryClientRestore discards the whole client when `timestamp` is older than maxAge:
      // report when the newest query was saved (the bookkeeping row is written once, not per save).
      return { timestamp: newest || meta.timestamp, buster: meta.buster, clientState: { queries, mutations: [] } };
    },

    async removeClient() {
      stored.clear();
      storedBuster = null;
      await withDb(db, () =>
        db.transaction('rw', db.queryCache, db.queryClients, async () => {
          await userRows().delete();
          await db.queryClients.delete(userId);
        }),
      );
    },
  };
}

/** Deletes every user's persisted query cache (sign-out). Other tables (the outbox) are untouched. */
export async function deleteAllPersistedQueries(db: ConsoleDatabase): Promise<void> {
  await withDb(db, () =>
    db.transaction('rw', db.queryCache, db.queryClients, async () => {
      await db.queryCache.clear();
      await db.queryClients.clear();
    }),
  );
}
