'use client';
import { useEffect } from 'react';
import { ownerRule } from '@/lib/offline/downloads/owner-rule';

const claim = (userId: string) => import('@/lib/offline/downloads/claim').then(({ claimDownloads }) => claimDownloads(userId));

/**
 * Every console start applies the owner rule for the signed-in member (the sign-in form already
 * did, this covers every other way in): another member's downloads never stay playable here. When
 * this device's downloads were already this member's, the rule re-checks after start-up; otherwise
 * it runs at once and playback waits for it (lib/offline/downloads/owner-rule.ts).
 */
export function DownloadsOwner({ userId }: { userId: string }) {
  useEffect(() => ownerRule.apply(userId, claim), [userId]);
  return null;
}
