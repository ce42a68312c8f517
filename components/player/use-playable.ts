'use client';
// Which tracks this DJ may play in full: VIP tracks they have not unlocked play their preview only
// (a downloaded VIP track was unlocked when it was downloaded: it plays in full, offline too).
import { useQuery } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import type { Track } from '@/lib/domain/types';
import { useDownloadManager } from '@/lib/offline/downloads/use-downloads';
import { toPlayerTrack } from '@/lib/player/track';
import type { PlayerTrack } from '@/lib/player/types';
import { vipOptions } from '@/lib/query/vip';
import { isLockedVip } from '@/lib/query/vip-unlock';

const noSubscription = () => () => undefined;
const NO_IDS: ReadonlySet<string> = new Set();

/** `(track) => PlayerTrack | null`; stable while the unlocks and downloads stay the same. */
export function usePlayableTrack(): (track: Track) => PlayerTrack | null {
  const vip = useQuery(vipOptions());
  const manager = useDownloadManager();
  const offlineIds = useSyncExternalStore(
    manager?.subscribe ?? noSubscription,
    // No downloads reads as the same empty set before and after the manager loads: rows keep their rules.
    () => {
      const ids = manager?.getSnapshot().offlineIds;
      return ids && ids.size > 0 ? ids : NO_IDS;
    },
    () => NO_IDS,
  );
  const overview = vip.data;
  return useCallback(
    (track: Track) => toPlayerTrack(track, isLockedVip(track, overview) && !offlineIds.has(track.id)),
    [overview, offlineIds],
  );
}
