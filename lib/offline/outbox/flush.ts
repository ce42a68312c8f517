// Delivering the outbox: peek → send → delete only once the server applied it. One implementation,
// run by the page (on start, `online`, back to visible, a timer, "Sync now") and by the service
// worker (Background Sync's `sync` event, where the browser has it). Rules: ./rules.ts.
import type { ConsoleDatabase, OutboxRow } from '@/lib/offline/db';
import { backoffDelayMs, OUTBOX_BACKOFF, type BackoffPolicy } from './backoff';
import type { OutboxKind, OutboxKinds } from './kind';
import { classifyDelivery, type DeliveryOutcome, type SendResult } from './rules';

/** The Web Lock every sender of this origin (tabs, the worker) takes while it flushes. */
export const OUTBOX_LOCK = 'spynners-outbox';
export const SEND_TIMEOUT_MS = 20_000;

export interface FlushDeps {
  db: ConsoleDatabase;
  fetch: (input: string, init: RequestInit) => Promise<Response>;
  kinds: OutboxKinds;
  /** navigator.locks where it exists; null falls back to per-entry leases in IndexedDB. */
  locks: Pick<LockManager, 'request'> | null;
  now?: () => number;
  random?: () => number;
  sendTimeoutMs?: number;
  backoff?: BackoffPolicy;
}

export interface FlushOptions {
  userId: string;
  /**
   * Something changed (app start, back online, back to visible, "Sync now", a `sync` event): send
   * every pending entry now, backoff or not, and entries waiting for a sign-in too. Without it
   * (the timer) only entries whose backoff has run out are sent.
   */
  force?: boolean;
}

export interface FlushReport {
  delivered: number;
  retried: number;
  needsAuth: number;
  rejected: number;
  /** A send found no network: the rest was left for later. */
  offline: boolean;
  /** The user's entries still in the outbox, and when the earliest automatic retry is due. */
  remaining: number;
  nextAttemptAt: number | null;
}

export interface Flusher {
  flush(options: FlushOptions): Promise<FlushReport>;
}

export function createFlusher(deps: FlushDeps): Flusher {
  const { db, kinds, locks } = deps;
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const sendTimeoutMs = deps.sendTimeoutMs ?? SEND_TIMEOUT_MS;
  const backoff = deps.backoff ?? OUTBOX_BACKOFF;

  function isDue(row: OutboxRow, force: boolean, at: number): boolean {
    if (row.state === 'failed') return false;
    if (row.state === 'needs-auth') return force;
    return force || row.nextAttemptAt <= at;
  }

  async function send(row: OutboxRow): Promise<SendResult> {
    try {
      const response = await deps.fetch(row.request.url, {
        method: row.request.method,
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Idempotency-Key': row.id },
        body: JSON.stringify(row.request.body),
        credentials: 'same-origin',
        cache: 'no-store',
        // A redirect (to a sign-in page, a captive portal) is never our answer.
        redirect: 'manual',
        signal: AbortSignal.timeout(sendTimeoutMs),
      });
      const text = await response.text();
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = undefined;
      }
      return { status: response.status, body, retryAfter: response.headers.get('retry-after') };
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      return { status: 0, body: undefined, error: name === 'TimeoutError' ? 'The server did not answer in time' : 'No connection to the server' };
    }
  }

  async function record(row: OutboxRow, kind: OutboxKind, outcome: DeliveryOutcome, status: number): Promise<void> {
    const tables = [db.outbox, ...kind.tables.map((name) => db.table(name))];
    await db.transaction('rw', tables, async () => {
      const current = await db.outbox.get(row.id);
      if (!current) return; // discarded while it was on its way
      const at = now();
      const seen = { lastAttemptAt: at, lastStatus: status === 0 ? null : status, leaseUntil: 0 };
      switch (outcome.kind) {
        case 'delivered':
          await db.outbox.delete(row.id);
          await kind.onDelivered(db, current, outcome.body);
          return;
        case 'retry': {
          const attempts = current.attempts + 1;
          const wait = Math.max(outcome.retryAfterMs ?? 0, backoffDelayMs(attempts, random, backoff));
          await db.outbox.update(row.id, { ...seen, state: 'pending', attempts, nextAttemptAt: at + wait, lastError: outcome.reason });
          return;
        }
        case 'needs-auth':
          await db.outbox.update(row.id, { ...seen, state: 'needs-auth', lastError: outcome.reason });
          return;
        case 'rejected':
          await db.outbox.update(row.id, { ...seen, state: 'failed', lastError: outcome.reason });
          await kind.onRejected(db, current, outcome.reason);
          return;
      }
    });
  }

  /** Without Web Locks: claim the entry for one send, atomically, so no other sender takes it. */
  async function claim(row: OutboxRow): Promise<boolean> {
    if (locks) return true;
    return db.transaction('rw', db.outbox, async () => {
      const current = await db.outbox.get(row.id);
      const at = now();
      if (!current || (current.leaseUntil ?? 0) > at) return false;
      await db.outbox.update(row.id, { leaseUntil: at + sendTimeoutMs + 5_000 });
      return true;
    });
  }

  async function run({ userId, force = false }: FlushOptions): Promise<FlushReport> {
    const report: FlushReport = { delivered: 0, retried: 0, needsAuth: 0, rejected: 0, offline: false, remaining: 0, nextAttemptAt: null };
    const attempted = new Set<string>();
    // Peek again after each pass: entries enqueued meanwhile go out in the same flush.
    for (let pass = 0; pass < 100 && !report.offline; pass++) {
      const at = now();
      const due = (await entriesOf(db, userId)).filter((row) => !attempted.has(row.id) && isDue(row, force, at));
      if (due.length === 0) break;
      for (const row of due) {
        attempted.add(row.id);
        const kind = kinds.get(row.kind);
        if (!kind || !(await claim(row))) continue;
        const result = await send(row);
        const outcome = classifyDelivery(result, kind.isApplied, (body) => kind.describeRefusal?.(body) ?? null);
        await record(row, kind, outcome, result.status);
        if (outcome.kind === 'delivered') report.delivered += 1;
        else if (outcome.kind === 'needs-auth') report.needsAuth += 1;
        else if (outcome.kind === 'rejected') report.rejected += 1;
        else report.retried += 1;
        // No network: the others would fail the same way; they keep their own schedule.
        if (outcome.kind === 'retry' && outcome.offline) {
          report.offline = true;
          break;
        }
      }
    }
    const left = await entriesOf(db, userId);
    report.remaining = left.length;
    const waiting = left.filter((row) => row.state === 'pending').map((row) => row.nextAttemptAt);
    report.nextAttemptAt = waiting.length > 0 ? Math.min(...waiting) : null;
    return report;
  }

  return {
    async flush(options) {
      if (!locks) return run(options);
      // Exclusive across tabs and the worker; waiting (not skipping) so no trigger is lost. A lock
      // held by a page that reloads is released by the browser.
      return await locks.request(OUTBOX_LOCK, { mode: 'exclusive' }, () => run(options));
    },
  };
}

/** A user's outbox entries, oldest first. */
export function entriesOf(db: ConsoleDatabase, userId: string): Promise<OutboxRow[]> {
  return db.outbox.where('[userId+createdAt]').between([userId, -Infinity], [userId, Infinity], true, true).toArray();
}
