'use client';
import { useEffect } from 'react';

/**
 * Every console start applies the owner rule for the signed-in member (the sign-in form already
 * did, this covers every other way in): another member's downloads never stay playable here.
 * Loaded after the first paint, with the download manager.
 */
export function DownloadsOwner({ userId }: { userId: string }) {
  useEffect(() => {
    void import('@/lib/offline/downloads/claim')
      .then(({ claimDownloads }) => claimDownloads(userId))
      .catch((error: unknown) => console.warn('[downloads] could not apply the owner rule', error));
  }, [userId]);
  return null;
}
