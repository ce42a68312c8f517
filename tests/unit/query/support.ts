import 'fake-indexeddb/auto';
import type { QueryClient } from '@tanstack/react-query';
import { ConsoleDatabase } from '@/lib/offline/db';
import { createQueryClient } from '@/lib/query/client';
import { startQueryPersistence } from '@/lib/query/persist';

let counter = 0;

/** A fresh database per test, so tests never see each other's rows. */
export function freshDb(): ConsoleDatabase {
  counter += 1;
  return new ConsoleDatabase(`test-${process.pid}-${counter}`);
}

export function newClient(): QueryClient {
  return createQueryClient({ onNetworkFailure: () => {} });
}

export const track = (id: string) => ({ id, title: `Track ${id}`, artist: 'DJ Test', genre: 'Techno', bpm: 126 });

/** Restores `userId`'s cache from `db` into a new client and keeps persisting it. */
export async function open(db: ConsoleDatabase, userId: string, extra: { buster?: string; maxAge?: number; throttleMs?: number } = {}) {
  const queryClient = newClient();
  const persistence = startQueryPersistence({ queryClient, userId, db, throttleMs: 10_000, ...extra });
  await persistence.restored;
  return { queryClient, persistence };
}

export async function storedHashes(db: ConsoleDatabase, userId?: string): Promise<string[]> {
  const rows = await db.queryCache.toArray();
  return rows.filter((r) => userId === undefined || r.userId === userId).map((r) => r.queryHash).sort();
}
