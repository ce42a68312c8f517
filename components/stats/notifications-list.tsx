'use client';
import { useQuery } from '@tanstack/react-query';
import { notificationsOptions } from '@/lib/query/stats';
import { formatDateTime } from '@/lib/format/dates';
import { ErrorState, LoadingState } from '@/components/ui/states';
import styles from './stats.module.css';

/** The member's latest notifications: decisions on their tracks, plays, grants. */
export function NotificationsList({ limit = 8 }: { limit?: number }) {
  const notes = useQuery(notificationsOptions());
  if (notes.isPending) return <LoadingState>Loading notifications…</LoadingState>;
  if (notes.isError) return <ErrorState error={notes.error} onRetry={() => void notes.refetch()} />;
  if (notes.data.length === 0) return <p className="muted">No notifications yet.</p>;
  return (
    <ul className={styles.notes} aria-label="Notifications">
      {notes.data.slice(0, limit).map((note) => (
        <li key={note.id} className={styles.note} data-read={note.read} data-testid="notification">
          <strong>{note.title}</strong>
          <p>{note.message}</p>
          <time dateTime={note.createdAt}>{formatDateTime(note.createdAt)}</time>
        </li>
      ))}
    </ul>
  );
}
