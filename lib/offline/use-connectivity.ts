'use client';
import { useSyncExternalStore } from 'react';
import { getConnectivity, type ConnectivityState } from './connectivity';

const SERVER_SNAPSHOT: ConnectivityState = { online: true, lastOnlineAt: null };

/** `{ online, lastOnlineAt }` from real reachability probes (see lib/offline/connectivity.ts). */
export function useConnectivity(): ConnectivityState {
  const connectivity = getConnectivity();
  return useSyncExternalStore(connectivity.subscribe, connectivity.getSnapshot, () => SERVER_SNAPSHOT);
}
