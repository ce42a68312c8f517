'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { producerStatsOptions } from '@/lib/query/stats';
import { formatDate } from '@/lib/format/dates';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { NotificationsList } from './notifications-list';
import { PLAY_MEASURES, PlayMeasuresLegend } from './play-measures';
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
          { label: PLAY_MEASURES.sets.label, value: totals.plays, testId: 'total-plays', hint: PLAY_MEASURES.sets.card },
          { label: PLAY_MEASURES.catalogue.label, value: totals.cataloguePlays, testId: 'total-catalogue-plays', hint: PLAY_MEASURES.catalogue.card },
          { label: 'Downloads', value: totals.downloads, testId: 'total-downloads' },
          { label: 'Average rating', value: <RatingValue average={totals.averageRating} count={totals.ratingCount} /> },
          { label: 'Venues', value: totals.venues },
          { label: 'DJs', value: totals.djs },
        ]}
      />
      <div className={styles.section}>
        <h2>Plays in DJ sets per week</h2>
        <WeeklyChart weeks={weekly} label="Plays of all your tracks in DJ sets per week" />
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
                    <th scope="col" rowSpan={2}>Track</th>
                    <th scope="col" rowSpan={2}>Status</th>
                    <th scope="colgroup" colSpan={2} className={styles.group}>Plays</th>
                    <th scope="col" rowSpan={2} className={styles.num}>Downloads</th>
                    <th scope="col" rowSpan={2} className={styles.num}>Rating</th>
                    <th scope="col" rowSpan={2}>Last played</th>
                  </tr>
                  <tr>
                    <th scope="col" className={styles.num} aria-label={PLAY_MEASURES.sets.label}>{PLAY_MEASURES.sets.column}</th>
                    <th scope="col" className={styles.num} aria-label={PLAY_MEASURES.catalogue.label}>{PLAY_MEASURES.catalogue.column}</th>
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
                      <td className={styles.num} data-testid="row-set-plays">{row.plays}</td>
                      <td className={styles.num} data-testid="row-catalogue-plays">{row.cataloguePlays}</td>
                      <td className={styles.num}>{row.downloads}</td>
                      <td className={styles.num}>{row.averageRating === null ? '—' : `${row.averageRating.toFixed(1)} (${row.ratingCount})`}</td>
                      <td>{row.lastPlayedAt ? formatDate(row.lastPlayedAt) : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <PlayMeasuresLegend />
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
