'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { ENERGY_LABELS } from '@/lib/domain/enums';
import type { Track } from '@/lib/domain/types';
import { trackDetailOptions } from '@/lib/query/tracks';
import { formatDuration } from '@/lib/format/duration';
import { TrackArtwork } from './track-artwork';
import { TrackAudio } from './track-audio';
import styles from './track-detail.module.css';

function facts(track: Track): Array<[string, string]> {
  const rows: Array<[string, string | null]> = [
    ['Genre', track.genre],
    ['BPM', track.bpm ? String(track.bpm) : null],
    ['Key', track.key],
    ['Energy', track.energy ? ENERGY_LABELS[track.energy] : null],
    ['Mood', track.mood],
    ['Length', track.durationSeconds ? formatDuration(track.durationSeconds) : null],
    ['Label', track.labelName],
    ['Release', track.releaseDate ? new Date(track.releaseDate).toLocaleDateString() : null],
    ['ISRC', track.isrc],
    ['Downloads', String(track.downloadCount)],
    ['Rating', track.averageRating ? `${track.averageRating.toFixed(1)} / 5 (${track.ratingCount})` : null],
  ];
  return rows.filter((row): row is [string, string] => row[1] !== null);
}

export function TrackDetail({ id }: { id: string }) {
  const query = useQuery(trackDetailOptions(id));
  if (query.isPending) return <p className="muted">Loading track…</p>;
  if (query.isError) {
    return (
      <div role="alert" className="alert alert-error" data-app-ready="true">
        {query.error.message} <Link href="/library">Back to the library</Link>
      </div>
    );
  }
  const track = query.data;
  return (
    <article className={styles.detail} data-app-ready="true">
      <Link href="/library" className={styles.back}>← Library</Link>
      <div className={styles.hero}>
        <TrackArtwork url={track.artworkUrl} title={track.title} size={240} />
        <div className={styles.heading}>
          <h1>{track.title}</h1>
          <p className={styles.artist}>{track.artist}</p>
          {track.collaborators && <p className="muted">with {track.collaborators}</p>}
          <p className={styles.chips}>
            <span className="chip">{track.genre}</span>
            {track.isVip && <span className="chip chip-vip">VIP</span>}
            {track.isUnreleased && <span className="chip">Unreleased</span>}
          </p>
          {track.audioUrl && <TrackAudio track={track} />}
        </div>
      </div>
      {track.description && <p className={styles.description}>{track.description}</p>}
      <dl className={styles.facts}>
        {facts(track).map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </article>
  );
}
