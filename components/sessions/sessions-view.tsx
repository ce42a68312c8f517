'use client';
import Link from 'next/link';
import { useMemo } from 'react';
import { recentPlaces } from '@/lib/sessions/sets';
import { useDjSets, useOutboxEntries } from '@/lib/sessions/use-sets';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { EarlierSets } from './earlier-sets';
import { LiveSet } from './live-set';
import { SetList } from './set-list';
import { StartSetForm } from './start-set-form';
import styles from './sessions.module.css';

/** DJ sets: start one, watch it fill from the decks, fix it, end it; then see it delivered. */
export function SessionsView({ userId }: { userId: string }) {
  const sets = useDjSets(userId);
  const outbox = useOutboxEntries(userId);
  const live = sets.value.find((set) => set.status === 'live') ?? null;
  const recent = useMemo(() => recentPlaces(sets.value), [sets.value]);
  const synced = useMemo(() => new Set(sets.value.flatMap((set) => (set.result ? [set.result.remoteId] : []))), [sets.value]);
  const needsAuth = outbox.value.filter((entry) => entry.state === 'needs-auth').length;

  if (!sets.loaded || !outbox.loaded) return <LoadingState>Reading your sets…</LoadingState>;
  if (sets.error) return <ErrorState error={sets.error} onRetry={() => window.location.reload()} />;

  return (
    <section className={styles.page} aria-labelledby="sessions-title" data-app-ready="true">
      <h1 id="sessions-title">Sets</h1>
      {needsAuth > 0 && (
        <div className="alert alert-error" data-testid="sign-in-to-sync">
          {needsAuth} {needsAuth === 1 ? 'set is' : 'sets are'} waiting for you to sign in again.{' '}
          <Link href="/sign-in?callbackUrl=%2Fsessions">Sign in</Link>: nothing is lost, they are sent right after.
        </div>
      )}
      <div className={styles.columns}>
        <div className={styles.column}>{live ? <LiveSet set={live} /> : <StartSetForm userId={userId} recent={recent} />}</div>
        <div className={styles.column}>
          <SetList sets={sets.value} entries={outbox.value} />
          <EarlierSets exclude={synced} />
        </div>
      </div>
    </section>
  );
}
