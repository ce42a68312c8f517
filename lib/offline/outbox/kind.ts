import type { ConsoleDatabase, OutboxRow } from '@/lib/offline/db';

/** What an outbox entry of one kind changes locally when the server answers. */
export interface OutboxKind {
  /** Dexie tables (besides `outbox`) its effects write, so they commit with the entry's change. */
  readonly tables: readonly string[];
  /** A 2xx body that really is the server's answer for this kind (not a portal page). */
  isApplied(body: unknown): boolean;
  /** The server applied it (the entry is deleted in the same transaction). */
  onDelivered(db: ConsoleDatabase, row: OutboxRow, body: unknown): Promise<void>;
  /**
   * The DJ's reason for a refusal this kind knows better than the generic message (e.g. which set
   * a DJ set overlaps, in the device's time zone); null leaves it to the generic rules.
   */
  describeRefusal?(body: unknown): string | null;
  /** The server refused its data: the entry is kept, marked failed, `reason` shown to the DJ. */
  onRejected(db: ConsoleDatabase, row: OutboxRow, reason: string): Promise<void>;
  /** The DJ discarded a failed entry (the entry is deleted in the same transaction). */
  onDiscarded(db: ConsoleDatabase, row: OutboxRow): Promise<void>;
  /** The DJ asked to send a failed entry again. */
  onRetried(db: ConsoleDatabase, row: OutboxRow): Promise<void>;
}

export type OutboxKinds = ReadonlyMap<string, OutboxKind>;
