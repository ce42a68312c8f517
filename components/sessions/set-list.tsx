'use client';
import Link from 'next/link';
import { useState } from 'react';
import { consoleDb, type DjSetRow, type OutboxRow } from '@/lib/offline/db';
import { syncOutboxNow } from '@/lib/offline/outbox/browser';
import { OUTBOX_KINDS } from '@/lib/offline/outbox/registry';
import { discardEntry, retryEntry } from '@/lib/offline/outbox/store';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { formatDay, formatDuration, formatPlace, formatTime } from './format';
import styles from './sessions.module.css';

type Shown = 'pending' | 'needs-auth' | 'failed' | 'synced';

function shownStatus(set: DjSetRow, entry: OutboxRow | undefined): Shown {
  if (set.status === 'synced') return 'synced';
  if (set.status === 'failed' || entry?.state === 'failed') return 'failed';
  if (entry?.state === 'needs-auth') return 'needs-auth';
  return 'pending';
}

/** What a synced set earned, and why not when it earned nothing. */
function earnings(result: NonNullable<DjSetRow['result']>): string {
  const own = result.uncreditedTracks ?? 0;
  const repeated = result.repeatedTracks ?? 0;
  const repeats = repeated > 0 ? ` · ${repeated} ${repeated === 1 ? 'track' : 'tracks'} already counted today` : '';
  if (result.blackDiamondsAwarded > 0) {
    return ` · +${result.blackDiamondsAwarded} Black Diamond${own > 0 ? ` · ${own} of your own ${own === 1 ? 'track' : 'tracks'} not counted` : ''}${repeats}`;
  }
  if (result.dailyDiamondLimit) return ` · no Black Diamond: one a day${repeats}`;
  return (own > 0 ? ' · no Black Diamond (your own tracks earn none)' : ' · no Black Diamond (no catalogue track)') + repeats;
}

const LABEL: Record<Shown, string> = { pending: 'Waiting to sync', 'needs-auth': 'Sign in to send', failed: 'Refused', synced: 'Synced' };

/** The device's ended sets: pending (and why it waits), refused (and why), synced (and what it earned). */
export function SetList({ sets, entries }: { sets: DjSetRow[]; entries: OutboxRow[] }) {
  const [discarding, setDiscarding] = useState<OutboxRow | null>(null);
  const ended = sets.filter((set) => set.status !== 'live');
  if (ended.length === 0) return null;
  const byId = new Map(entries.map((entry) => [entry.id, entry]));

  async function retry(entry: OutboxRow) {
    await retryEntry(consoleDb(), OUTBOX_KINDS, entry.id);
    void syncOutboxNow();
  }

  return (
    <section className={styles.card} aria-labelledby="device-sets-title">
      <h2 id="device-sets-title">Sets on this device</h2>
      <ul className={styles.sets}>
        {ended.map((set) => {
          const entry = set.outboxId ? byId.get(set.outboxId) : undefined;
          const status = shownStatus(set, entry);
          const tracks = set.entries?.length ?? 0;
          return (
            <li key={set.id} data-testid="set-row" data-status={status} className={styles.setRow}>
              <div className={styles.setMain}>
                <strong>{formatPlace(set)}</strong>
                <span className="muted">
                  {formatDay(set.startedAt)} · {formatTime(set.startedAt)}
                  {set.endedAt ? ` · ${formatDuration(set.endedAt - set.startedAt)}` : ''} · {tracks} {tracks === 1 ? 'track' : 'tracks'}
                </span>
              </div>
              <span className={`chip ${styles[`status-${status}`]}`} data-testid="set-status">
                {LABEL[status]}
              </span>
              <div className={styles.setDetail}>
                {status === 'pending' && (
                  <span className="muted" data-testid="set-why">
                    {entry?.lastError ? `Last try: ${entry.lastError}. It is retried automatically.` : 'Sent as soon as the server can be reached.'}
                  </span>
                )}
                {status === 'needs-auth' && (
                  <span data-testid="set-why">
                    {entry?.lastError ?? 'Your session has expired.'}{' '}
                    <Link href="/sign-in?callbackUrl=%2Fsessions">Sign in again</Link> to send it.
                  </span>
                )}
                {status === 'failed' && (
                  <span className="field-error" data-testid="set-why">
                    {set.failure ?? entry?.lastError ?? 'The server refused this set.'}
                  </span>
                )}
                {status === 'synced' && set.result && (
                  <span className="muted" data-testid="set-why">
                    Recorded with {set.result.tracksCount} {set.result.tracksCount === 1 ? 'track' : 'tracks'}
                    {earnings(set.result)}
                    {set.result.skippedTrackIds.length > 0 ? ` · ${set.result.skippedTrackIds.length} no longer in the catalogue` : ''}
                  </span>
                )}
              </div>
              {status === 'failed' && entry && (
                <div className={styles.setActions}>
                  <button type="button" className="button" onClick={() => void retry(entry)}>
                    Send again
                  </button>
                  <button type="button" className="button" onClick={() => setDiscarding(entry)}>
                    Discard
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <ConfirmDialog
        open={discarding !== null}
        title="Discard this set?"
        confirmLabel="Discard"
        onCancel={() => setDiscarding(null)}
        onConfirm={() => {
          const entry = discarding;
          setDiscarding(null);
          if (entry) void discardEntry(consoleDb(), OUTBOX_KINDS, entry.id);
        }}
      >
        <p>The server refused it; discarding removes it from this device for good.</p>
      </ConfirmDialog>
    </section>
  );
}
