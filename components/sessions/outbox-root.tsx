'use client';
import { useEffect } from 'react';
import { startOutbox, stopOutbox } from '@/lib/offline/outbox/browser';

/** Delivers the signed-in DJ's outbox while the console is open (see lib/offline/outbox). */
export function OutboxRoot({ userId }: { userId: string }) {
  useEffect(() => {
    startOutbox(userId);
    return () => stopOutbox();
  }, [userId]);
  return null;
}
