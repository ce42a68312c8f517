'use client';
// React views of the device's sets and outbox, live: Dexie's liveQuery re-runs a read whenever a
// table it read changes, in this tab, another tab or the service worker.
import { liveQuery } from 'dexie';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { consoleDb, type DjSetRow, type OnAirPlayRow, type OutboxRow } from '@/lib/offline/db';
import { entriesOf } from '@/lib/offline/outbox/flush';
import { outboxStatus } from '@/lib/offline/outbox/browser';
import type { OutboxStatus } from '@/lib/offline/outbox/scheduler';
import { setsOf } from './sets';

export interface Live<T> {
  value: T;
  loaded: boolean;
  error: Error | null;
}

export function useLive<T>(read: (() => Promise<T>) | null, key: string, initial: T): Live<T> {
  const [state, setState] = useState<Live<T>>({ value: initial, loaded: false, error: null });
  useEffect(() => {
    if (!read) return;
    const subscription = liveQuery(read).subscribe({
      next: (value) => setState({ value, loaded: true, error: null }),
      error: (error: unknown) => setState((s) => ({ ...s, loaded: true, error: error instanceof Error ? error : new Error(String(error)) })),
    });
    return () => subscription.unsubscribe();
    // `key` names what `read` reads; the function itself is new on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state;
}

const NO_SETS: DjSetRow[] = [];
const NO_ENTRIES: OutboxRow[] = [];
const NO_PLAYS: OnAirPlayRow[] = [];

export function useDjSets(userId: string | null): Live<DjSetRow[]> {
  return useLive(userId ? () => setsOf(consoleDb(), userId) : null, `sets:${userId}`, NO_SETS);
}

export function useOutboxEntries(userId: string | null): Live<OutboxRow[]> {
  return useLive(userId ? () => entriesOf(consoleDb(), userId) : null, `outbox:${userId}`, NO_ENTRIES);
}

/** The DJ's on-air plays since `from` (the live set's start). */
export function useOnAirPlaysSince(userId: string, from: number): Live<OnAirPlayRow[]> {
  return useLive(
    () => consoleDb().onAirPlays.where('[userId+startedAt]').between([userId, from], [userId, Infinity], true, true).toArray(),
    `plays:${userId}:${from}`,
    NO_PLAYS,
  );
}

/** Whether the page is sending right now, and its last report. */
export function useOutboxStatus(): OutboxStatus {
  return useSyncExternalStore(outboxStatus.subscribe, outboxStatus.get, outboxStatus.idle);
}
