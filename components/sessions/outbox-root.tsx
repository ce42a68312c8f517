'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { outboxStatus, scheduleOutbox } from '@/lib/offline/outbox/browser';
import { meKeys, sessionKeys, vipKeys } from '@/lib/query/keys';

/**
 * Delivers the signed-in DJ's outbox while the console is open (see lib/offline/outbox), from the
 * end of start-up on (or sooner if a flush is asked for). When sets were delivered, what they
 * changed on the server (recorded sets, the diamond balance) is refetched.
 */
export function OutboxRoot({ userId }: { userId: string }) {
  const queryClient = useQueryClient();
  useEffect(() => {
    const stop = scheduleOutbox(userId);
    let seen = outboxStatus.get().lastReport;
    const unsubscribe = outboxStatus.subscribe(() => {
      const report = outboxStatus.get().lastReport;
      if (report === seen) return;
      seen = report;
      if (report && report.delivered > 0) {
        for (const queryKey of [sessionKeys.all, meKeys.all, vipKeys.all]) void queryClient.invalidateQueries({ queryKey });
      }
    });
    return () => {
      unsubscribe();
      stop();
    };
  }, [userId, queryClient]);
  return null;
}
