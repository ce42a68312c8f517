// Writing to the outbox, and the DJ's two actions on a refused entry (send again, discard).
import type { ConsoleDatabase, OutboxRow } from '@/lib/offline/db';
import type { OutboxKinds } from './kind';

export interface NewOutboxEntry {
  userId: string;
  kind: string;
  subjectId: string;
  url: string;
  body: unknown;
  now: number;
  /** The Idempotency-Key; a fresh UUID unless given. */
  id?: string;
}

/** The row for a new entry: its id, made now, is the Idempotency-Key of every delivery of it. */
export function newOutboxRow(entry: NewOutboxEntry): OutboxRow {
  return {
    id: entry.id ?? crypto.randomUUID(),
    userId: entry.userId,
    kind: entry.kind,
    subjectId: entry.subjectId,
    createdAt: entry.now,
    request: { method: 'POST', url: entry.url, body: entry.body },
    state: 'pending',
    attempts: 0,
    nextAttemptAt: entry.now,
    lastAttemptAt: null,
    lastStatus: null,
    lastError: null,
    leaseUntil: 0,
  };
}

/** A failed (or sign-in) entry back to pending, due now: same key, so never applied twice. */
export async function retryEntry(db: ConsoleDatabase, kinds: OutboxKinds, id: string): Promise<void> {
  const row = await db.outbox.get(id);
  const kind = row && kinds.get(row.kind);
  if (!row || !kind) return;
  await db.transaction('rw', [db.outbox, ...kind.tables.map((t) => db.table(t))], async () => {
    const current = await db.outbox.get(id);
    if (!current) return;
    await db.outbox.update(id, { state: 'pending', attempts: 0, nextAttemptAt: 0, lastError: null });
    await kind.onRetried(db, current);
  });
}

/** Drops a refused entry for good (the DJ confirmed): only failed entries can be discarded. */
export async function discardEntry(db: ConsoleDatabase, kinds: OutboxKinds, id: string): Promise<boolean> {
  const row = await db.outbox.get(id);
  const kind = row && kinds.get(row.kind);
  if (!row || !kind || row.state !== 'failed') return false;
  return db.transaction('rw', [db.outbox, ...kind.tables.map((t) => db.table(t))], async () => {
    const current = await db.outbox.get(id);
    if (!current || current.state !== 'failed') return false;
    await db.outbox.delete(id);
    await kind.onDiscarded(db, current);
    return true;
  });
}
