import Link from 'next/link';
import type { TrackPlay } from '@/lib/domain/stats';
import { formatDateTime } from '@/lib/format/dates';
import styles from './stats.module.css';

type Play = TrackPlay & { trackTitle?: string };

/** Where and when: one row per play, newest first (as given). */
export function PlaysTable({ plays, caption, showTrack = false }: { plays: Play[]; caption: string; showTrack?: boolean }) {
  if (plays.length === 0) return <p className="muted">No DJ has played it in a recorded set yet.</p>;
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table} data-testid="plays-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            {showTrack && <th scope="col">Track</th>}
            <th scope="col">Venue</th>
            <th scope="col">City</th>
            <th scope="col">Country</th>
            <th scope="col">DJ</th>
          </tr>
        </thead>
        <tbody>
          {plays.map((play) => (
            <tr key={play.id} data-testid="play-row">
              <td><time dateTime={play.playedAt}>{formatDateTime(play.playedAt)}</time></td>
              {showTrack && (
                <td>
                  <Link href={`/my-tracks/${encodeURIComponent(play.trackId)}/stats`}>{play.trackTitle || 'Untitled'}</Link>
                </td>
              )}
              <td>{play.venue ?? '—'}</td>
              <td>{play.city ?? '—'}</td>
              <td>{play.country ?? '—'}</td>
              <td>{play.djName}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
