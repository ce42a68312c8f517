'use client';
// React's view of the download manager (useSyncExternalStore), and the binding to the signed-in member.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { meOptions } from '@/lib/query/profile';
import { loadDownloadManager, loadDownloadManagerAfterStartup, loadedDownloadManager, onDownloadManagerLoaded } from './browser';
import type { DownloadManager } from './manager';
import type { DownloadsSnapshot, DownloadTask } from './types';
import { EMPTY_DOWNLOADS_SNAPSHOT } from './types';

const noSubscription = () => () => undefined;
const emptySnapshot = () => EMPTY_DOWNLOADS_SNAPSHOT;

/**
 * The page's manager: null until its chunk has loaded, then the same object. Loaded once start-up
 * is over (badges and buttons are not part of the first screen); useDownloads() loads it at once.
 */
export function useDownloadManager(): DownloadManager | null {
  useEffect(loadDownloadManagerAfterStartup, []);
  return useSyncExternalStore(onDownloadManagerLoaded, loadedDownloadManager, () => null);
}

/** The whole state: offline tracks, tasks, overall progress, storage (loads the manager at once). */
export function useDownloads(): DownloadsSnapshot {
  useEffect(() => void loadDownloadManager(), []);
  const manager = useDownloadManager();
  return useSyncExternalStore(manager?.subscribe ?? noSubscription, manager?.getSnapshot ?? emptySnapshot, emptySnapshot);
}

/** Whether one track is offline: a boolean, so a list row re-renders only when it flips. */
export function useIsOffline(trackId: string): boolean {
  const manager = useDownloadManager();
  return useSyncExternalStore(
    manager?.subscribe ?? noSubscription,
    () => manager?.getSnapshot().offlineIds.has(trackId) ?? false,
    () => false,
  );
}

export type DownloadState = 'downloaded' | 'not-downloaded' | 'unknown';

/** Whether one track is offline, 'unknown' until the member's downloads are read (a row re-renders only when it changes). */
export function useDownloadState(trackId: string): DownloadState {
  const manager = useDownloadManager();
  return useSyncExternalStore(
    manager?.subscribe ?? noSubscription,
    () => {
      const snapshot = manager?.getSnapshot();
      if (!snapshot?.loaded) return 'unknown';
      return snapshot.offlineIds.has(trackId) ? 'downloaded' : 'not-downloaded';
    },
    () => 'unknown',
  );
}

function sameIds(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const id of a) if (!b.has(id)) return false;
  return true;
}

/**
 * The ids of the member's offline tracks while `enabled` (null otherwise, or until they are read).
 * The same set object until its content changes, so a list filtered by it re-renders only then;
 * disabled, it subscribes to nothing (the library's start-up does not pay for it).
 */
export function useDownloadedIds(enabled: boolean): ReadonlySet<string> | null {
  useEffect(() => {
    if (enabled) void loadDownloadManager();
  }, [enabled]);
  const manager = useDownloadManager();
  const kept = useRef<ReadonlySet<string> | null>(null);
  const read = (): ReadonlySet<string> | null => {
    const snapshot = enabled ? manager?.getSnapshot() : undefined;
    if (!snapshot?.loaded) return null;
    if (!kept.current || !sameIds(kept.current, snapshot.offlineIds)) kept.current = snapshot.offlineIds;
    return kept.current;
  };
  return useSyncExternalStore(enabled && manager ? manager.subscribe : noSubscription, read, () => null);
}

/** One track's running, queued or failed download (the same object until it changes). */
export function useDownloadTask(trackId: string): DownloadTask | undefined {
  const manager = useDownloadManager();
  return useSyncExternalStore(
    manager?.subscribe ?? noSubscription,
    () => manager?.getSnapshot().taskById.get(trackId),
    () => undefined,
  );
}

/**
 * Points the manager at the signed-in member (their downloads, their rows). Call it in every
 * screen that shows downloads; the member's id comes from the (persisted) profile query, so it
 * works offline too. An unknown member (profile not loaded) leaves the binding as it is. Binds once
 * the manager is there (loaded after start-up unless something loads it sooner).
 */
export function useBindDownloadsToMember(): void {
  const me = useQuery(meOptions());
  const id = me.data?.id;
  useEffect(() => {
    if (!id) return;
    const bind = () => {
      const manager = loadedDownloadManager();
      if (manager) void manager.setUser(id);
      return manager !== null;
    };
    if (bind()) return;
    loadDownloadManagerAfterStartup();
    return onDownloadManagerLoaded(() => void bind());
  }, [id]);
}
