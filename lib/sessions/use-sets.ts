'use client';
// React views of the device's sets and outbox, live: Dexie's liveQuery re-runs a read whenever a
// table it read changes, in this tab, another tab or the service worker. The header's outbox chip
// uses them on every console screen, so Dexie and the reads load after the first paint (their own
// chunk, precached by the worker): until then a view shows its initial value, `loaded: false`.
// A view outside the screen's own content (the header's chip) starts reading once start-up is over.
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ConsoleDatabase, DjSetRow, OnAirPlayRow, OutboxRow } from '@/lib/offline/db';
import { consoleDatabaseMayExist } from '@/lib/offline/database-exists';
import { outboxStatus } from '@/lib/offline/outbox/browser';
import type { OutboxStatus } from '@/lib/offline/outbox/scheduler';
import { afterStartup } from '@/lib/scheduling/after-startup';

/** What live reads run with, loaded once. */
export interface LiveReads {
  db: ConsoleDatabase;
  setsOf(db: ConsoleDatabase, userId: string): Promise<DjSetRow[]>;
  entriesOf(db: ConsoleDatabase, userId: string): Promise<OutboxRow[]>;
}

let loading: Promise<{ liveQuery: typeof import('dexie').liveQuery; reads: LiveReads }> | null = null;

function loadLiveReads() {
  loading ??= Promise.all([import('dexie'), import('@/lib/offline/db'), import('./sets'), import('@/lib/offline/outbox/flush')]).then(
    ([{ liveQuery }, { consoleDb }, { setsOf }, { entriesOf }]) => ({ liveQuery, reads: { db: consoleDb(), setsOf, entriesOf } }),
    (error: unknown) => {
      loading = null; // the next view tries again
      throw error;
    },
  );
  return loading;
}

export interface Live<T> {
  value: T;
  loaded: boolean;
  error: Error | null;
}

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

export interface LiveOptions {
  /** Start reading once start-up is over (lib/scheduling/after-startup), not at mount. */
  afterStartup?: boolean;
}

export function useLive<T>(read: ((reads: LiveReads) => Promise<T>) | null, key: string, initial: T, options: LiveOptions = {}): Live<T> {
  const deferred = options.afterStartup === true;
  const [state, setState] = useState<Live<T>>({ value: initial, loaded: false, error: null });
  useEffect(() => {
    if (!read) return;
    let unsubscribe: (() => void) | null = null;
    let current = true;
    const fail = (error: unknown) => setState((s) => ({ ...s, loaded: true, error: asError(error) }));
    const begin = () =>
      loadLiveReads().then(({ liveQuery, reads }) => {
        if (!current) return;
        const subscription = liveQuery(() => read(reads)).subscribe({
          next: (value) => setState({ value, loaded: true, error: null }),
          error: fail,
        });
        unsubscribe = () => subscription.unsubscribe();
      }, (error: unknown) => current && fail(error));
    const cancelStart = deferred ? afterStartup(begin) : (void begin(), undefined);
    // A device without the console's database has nothing stored yet: the view shows its initial
    // value as loaded at once instead of after Dexie loaded and opened (the live read follows).
    void consoleDatabaseMayExist().then((exists) => {
      if (!exists && current) setState((s) => (s.loaded ? s : { value: initial, loaded: true, error: null }));
    });
    return () => {
      current = false;
      cancelStart?.();
      unsubscribe?.();
    };
    // `key` names what `read` reads; the function itself is new on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, deferred]);
  return state;
}

const NO_SETS: DjSetRow[] = [];
const NO_ENTRIES: OutboxRow[] = [];
const NO_PLAYS: OnAirPlayRow[] = [];

export function useDjSets(userId: string | null): Live<DjSetRow[]> {
  return useLive(userId ? ({ db, setsOf }) => setsOf(db, userId) : null, `sets:${userId}`, NO_SETS);
}

export function useOutboxEntries(userId: string | null, options?: LiveOptions): Live<OutboxRow[]> {
  return useLive(userId ? ({ db, entriesOf }) => entriesOf(db, userId) : null, `outbox:${userId}`, NO_ENTRIES, options);
}

/** The DJ's on-air plays since `from` (the live set's start). */
export function useOnAirPlaysSince(userId: string, from: number): Live<OnAirPlayRow[]> {
  return useLive(
    ({ db }) => db.onAirPlays.where('[userId+startedAt]').between([userId, from], [userId, Infinity], true, true).toArray(),
    `plays:${userId}:${from}`,
    NO_PLAYS,
  );
}

/** Whether the page is sending right now, and its last report. */
export function useOutboxStatus(): OutboxStatus {
  return useSyncExternalStore(outboxStatus.subscribe, outboxStatus.get, outboxStatus.idle);
}
