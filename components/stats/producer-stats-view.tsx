'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { producerStatsOptions } from '@/lib/query/stats';
import { formatDate } from '@/lib/format/dates';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { NotificationsList } from './notifications-list';
import { PlaysTable } from './plays-table';
import { RatingValue, StatCards } from './stat-cards';
import { StatusChip } from './status-chip';
import { WeeklyChart } from './weekly-chart';
import styles from './stats.module.css';

/**
 * A producer's statistics across all their tracks: totals, plays per week, the latest plays, every
 * track with its status (and the reason of a rejection), and their notifications. Admins open it
 * for any producer (`producerId`).
 */
export function ProducerStatsView({ producerId = null }: { producerId?: string | null }) {
  const stats = useQuery(producerStatsOptions(producerId));
  if (stats.isPending) return <LoadingState>Loading statistics…</LoadingState>;
  if (stats.isError) return <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />;
  const { totals, weekly, recentPlays, tracks } = stats.data;
  return (
    <section className={styles.page} aria-labelledby="stats-title" data-app-ready="true">
      <div className={styles.heading}>
        <h1 id="stats-title">{producerId ? 'Producer statistics' : 'Your statistics'}</h1>
        <p className="muted">
          {totals.tracks} track{totals.tracks === 1 ? '' : 's'}: {totals.approved} approved, {totals.pending} pending, {totals.rejected} rejected
        </p>
      </div>
      <StatCards
        items={[
          { label: 'Plays in DJ sets', value: totals.plays, testId: 'total-plays' },
          { label: 'Downloads', value: totals.downloads, testId: 'total-downloads' },
          { label: 'Average rating', value: <RatingValue average={totals.averageRating} count={totals.ratingCount} /> },
          { label: 'Venues', value: totals.venues },
          { label: 'DJs', value: totals.djs },
        ]}
      />
      <div className={styles.section}>
        <h2>Plays per week</h2>
        <WeeklyChart weeks={weekly} label="Plays of all your tracks per week" />
      </div>
      <div className={styles.columns}>
        <div className={styles.section}>
          <h2>Tracks</h2>
          {tracks.length === 0 ? (
            <p className="muted">No track yet.</p>
          ) : (
            <div className={styles.tableWrap}>
              <table className={styles.table} data-testid="stats-tracks">
                <thead>
                  <tr>
                    <th scope="col">Track</th>
                    <th scope="col">Status</th>
                    <th scope="col" className={styles.num}>Plays</th>
                    <th scope="col" className={styles.num}>Downloads</th>
                    <th scope="col" className={styles.num}>Rating</th>
                    <th scope="col">Last played</th>
                  </tr>
                </thead>
                <tbody>
                  {tracks.map((row) => (
                    <tr key={row.id} data-testid="stats-track-row" data-track-id={row.id}>
                      <td>
                        <Link href={`/my-tracks/${encodeURIComponent(row.id)}/stats`}>{row.title}</Link>
                      </td>
                      <td>
                        <StatusChip status={row.status} />
                        {row.status === 'rejected' && row.rejectionReason && (
                          <span className={styles.reason} data-testid="rejection-reason">{row.rejectionReason}</span>
                        )}
                      </td>
                      <td className={styles.num}>{row.plays}</td>
                      <td className={styles.num}>{row.downloads}</td>
                      <td className={styles.num}>{row.averageRating === null ? '—' : `${row.averageRating.toFixed(1)} (${row.ratingCount})`}</td>
                      <td>{row.lastPlayedAt ? formatDate(row.lastPlayedAt) : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
        {!producerId && (
          <div className={styles.section}>
            <h2>Notifications</h2>
            <NotificationsList />
          </div>
        )}
      </div>
      <div className={styles.section}>
        <h2>Latest plays</h2>
        <PlaysTable plays={recentPlays} caption="Latest plays of your tracks, newest first" showTrack />
      </div>
    </section>
  );
}
