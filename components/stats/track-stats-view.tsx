'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { trackStatsOptions } from '@/lib/query/stats';
import { formatDate } from '@/lib/format/dates';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { PLAY_MEASURES, PlayMeasuresLegend } from './play-measures';
import { PlaysTable } from './plays-table';
import { RatingValue, StatCards } from './stat-cards';
import { StatusChip } from './status-chip';
import { WeeklyChart } from './weekly-chart';
import styles from './stats.module.css';

/** One track's statistics: plays, downloads, rating, plays per week, where and when. */
export function TrackStatsView({ trackId }: { trackId: string }) {
  const stats = useQuery(trackStatsOptions(trackId));
  if (stats.isPending) return <LoadingState>Loading statistics…</LoadingState>;
  if (stats.isError) return <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />;
  const s = stats.data;
  return (
    <section className={styles.page} aria-labelledby="track-stats-title" data-app-ready="true">
      <p>
        <Link href="/stats">← All statistics</Link>
      </p>
      <div className={styles.heading}>
        <h1 id="track-stats-title">{s.track.title}</h1>
        <p>
          <StatusChip status={s.track.status} />
        </p>
      </div>
      {s.track.status === 'rejected' && s.track.rejectionReason && (
        <p className="alert alert-error" data-testid="track-rejection-reason">Not approved: {s.track.rejectionReason}</p>
      )}
      <StatCards
        items={[
          { label: PLAY_MEASURES.sets.label, value: s.plays, testId: 'track-plays', hint: PLAY_MEASURES.sets.card },
          { label: PLAY_MEASURES.catalogue.label, value: s.cataloguePlays, testId: 'track-catalogue-plays', hint: PLAY_MEASURES.catalogue.card },
          { label: 'Downloads', value: s.downloads, testId: 'track-downloads' },
          { label: 'Average rating', value: <RatingValue average={s.averageRating} count={s.ratingCount} /> },
          { label: 'First played', value: s.firstPlayedAt ? formatDate(s.firstPlayedAt) : '—' },
          { label: 'Last played', value: s.lastPlayedAt ? formatDate(s.lastPlayedAt) : '—' },
        ]}
      />
      <div className={styles.section}>
        <h2>Plays per week</h2>
        <WeeklyChart weeks={s.weekly} label={`Plays of "${s.track.title}" per week`} />
      </div>
      {s.places.length > 0 && (
        <div className={styles.section}>
          <h2>Venues</h2>
          <div className={styles.tableWrap}>
            <table className={styles.table} data-testid="places-table">
              <thead>
                <tr>
                  <th scope="col">Venue</th>
                  <th scope="col">City</th>
                  <th scope="col">Country</th>
                  <th scope="col" className={styles.num}>Plays</th>
                  <th scope="col">Last played</th>
                </tr>
              </thead>
              <tbody>
                {s.places.map((place) => (
                  <tr key={`${place.venue}|${place.city}|${place.country}`}>
                    <td>{place.venue ?? '—'}</td>
                    <td>{place.city ?? '—'}</td>
                    <td>{place.country ?? '—'}</td>
                    <td className={styles.num}>{place.plays}</td>
                    <td>{formatDate(place.lastPlayedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
      <div className={styles.section}>
        <h2>Where and when</h2>
        <PlaysTable plays={s.history} caption={`Every play of "${s.track.title}", newest first`} />
      </div>
    </section>
  );
}
