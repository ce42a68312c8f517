'use client';
import Link from 'next/link';
import { useMemo } from 'react';
import { recentPlaces } from '@/lib/sessions/sets';
import { useDjSets, useOutboxEntries } from '@/lib/sessions/use-sets';
import { ErrorState, LoadingState } from '@/components/ui/states';
import type { DjSetRow, OutboxRow } from '@/lib/offline/db';
import { useRenderCount } from '@/lib/perf/render-count';
import { EarlierSets } from './earlier-sets';
import { LiveSet } from './live-set';
import { SetList } from './set-list';
import { StartSetForm } from './start-set-form';
import styles from './sessions.module.css';

/** DJ sets: start one, watch it fill from the decks, fix it, end it; then see it delivered. */
export function SessionsView({ userId }: { userId: string }) {
  const sets = useDjSets(userId);
  const outbox = useOutboxEntries(userId);
  const loaded = sets.loaded && outbox.loaded;
  // The heading and what the screen is for are on the server-rendered page; the sets (IndexedDB,
  // read after start) fill in below them.
  return (
    <section className={styles.page} aria-labelledby="sessions-title" data-app-ready={loaded ? 'true' : undefined}>
      <h1 id="sessions-title">Sets</h1>
      <p className={styles.intro}>
        Start a set when you go on: the tracks the decks play are added to it, you fix what needs fixing, and ending it
        sends the list to the producers whose tracks you played. It works offline too: the set is sent once the console is
        back online.
      </p>
      {!loaded ? <LoadingState>Reading your sets…</LoadingState> : sets.error ? <ErrorState error={sets.error} onRetry={() => window.location.reload()} /> : (
        <SessionsContent userId={userId} sets={sets.value} outbox={outbox.value} />
      )}
    </section>
  );
}

function SessionsContent({ userId, sets, outbox }: { userId: string; sets: DjSetRow[]; outbox: OutboxRow[] }) {
  useRenderCount('sessions-content');
  const live = sets.find((set) => set.status === 'live') ?? null;
  const recent = useMemo(() => recentPlaces(sets), [sets]);
  const synced = useMemo(() => new Set(sets.flatMap((set) => (set.result ? [set.result.remoteId] : []))), [sets]);
  const needsAuth = outbox.filter((entry) => entry.state === 'needs-auth').length;
  return (
    <>
      {needsAuth > 0 && (
        <div className="alert alert-error" data-testid="sign-in-to-sync">
          {needsAuth} {needsAuth === 1 ? 'set is' : 'sets are'} waiting for you to sign in again.{' '}
          <Link href="/sign-in?callbackUrl=%2Fsessions">Sign in</Link>: nothing is lost, they are sent right after.
        </div>
      )}
      <div className={styles.columns}>
        <div className={styles.column}>{live ? <LiveSet set={live} /> : <StartSetForm userId={userId} recent={recent} />}</div>
        <div className={styles.column}>
          <SetList sets={sets} entries={outbox} />
          <EarlierSets exclude={synced} />
        </div>
      </div>
    </>
  );
}
