'use client';
import { useSyncExternalStore } from 'react';

const noSubscription = () => () => undefined;

/**
 * False on the server and while React hydrates the server's HTML, true from the render after:
 * a server-rendered screen says it is ready (`data-app-ready`) only once its controls answer.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}
