'use client';
import { IntentLink } from '@/components/layout/intent-link';
import { syncOutboxNow } from '@/lib/offline/outbox/browser';
import { useOutboxEntries, useOutboxStatus } from '@/lib/sessions/use-sets';
import own from './outbox-status.module.css';
import styles from './sessions.module.css';

const AFTER_STARTUP = { afterStartup: true };

/**
 * Always in the header: whether every set reached the server, else how many wait and "Sync now".
 * Read after start-up; until then it shows no number (a "0" there would say every set is sent when
 * it may not be). With nothing waiting there is nothing to sync: no button, a quiet "Synced".
 */
export function OutboxStatusChip({ userId }: { userId: string }) {
  const entries = useOutboxEntries(userId, AFTER_STARTUP);
  const { syncing } = useOutboxStatus();
  const known = entries.loaded;
  const count = entries.value.length;
  const blocked = entries.value.some((entry) => entry.state !== 'pending');
  const synced = known && count === 0;
  const label = !known ? 'Reading the sets waiting to sync' : synced ? 'All sets synced' : `${count} ${count === 1 ? 'set' : 'sets'} waiting to sync`;
  return (
    <div className={styles.chip} data-testid="outbox-status" data-pending={known ? count : undefined} data-syncing={syncing ? 'true' : 'false'}>
      <IntentLink href="/sessions" className={`${styles.count} ${count > 0 ? (blocked ? styles.countBlocked : styles.countPending) : ''}`} title={label} aria-label={label}>
        {synced ? <SyncedIcon /> : <WaitingIcon />}
        <span data-testid="outbox-pending-count" className={synced ? 'visually-hidden' : undefined}>
          {known ? count : '–'}
        </span>
        <span className={styles.countWord}>{synced ? 'Synced' : 'to send'}</span>
      </IntentLink>
      {count > 0 && (
        <button type="button" className="button button-ghost" onClick={() => void syncOutboxNow()} disabled={syncing} data-testid="sync-now">
          <span className={own.labels}>
            <span aria-hidden={syncing}>Sync now</span>
            <span aria-hidden={!syncing}>Syncing…</span>
          </span>
        </button>
      )}
    </div>
  );
}

const ICON = { viewBox: '0 0 24 24', width: 18, height: 18, 'aria-hidden': true, fill: 'none', stroke: 'currentColor', strokeWidth: 2, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;

function WaitingIcon() {
  return (
    <svg {...ICON}>
      <path d="M21 12a9 9 0 1 1-3-6.7L21 8" />
      <path d="M21 3v5h-5" />
    </svg>
  );
}

function SyncedIcon() {
  return (
    <svg {...ICON}>
      <path d="M17.5 19H7a5 5 0 1 1 .9-9.9A6 6 0 0 1 19 11a4 4 0 0 1-1.5 8z" />
      <path d="m9 14 2 2 4-4" />
    </svg>
  );
}
