'use client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { ENERGY_LABELS } from '@/lib/domain/enums';
import type { Track } from '@/lib/domain/types';
import { findCachedTrack, trackDetailOptions } from '@/lib/query/tracks';
import { formatDuration } from '@/lib/format/duration';
import { useState } from 'react';
import { AddToPlaylist } from '@/components/playlists/add-to-playlist';
import { LoadingState } from '@/components/ui/states';
import { ProducerCard } from './producer-card';
import { TrackArtwork } from './track-artwork';
import { TrackAudio } from './track-audio';
import { TrackRating } from './track-rating';
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
  ];
  return rows.filter((row): row is [string, string] => row[1] !== null);
}

export function TrackDetail({ id }: { id: string }) {
  const queryClient = useQueryClient();
  // Paint at once from the catalogue or a list page when the track is there (refetched if stale).
  const [seed] = useState(() => findCachedTrack(queryClient, id));
  const query = useQuery(trackDetailOptions(id, seed));
  if (query.isPending) return <LoadingState>Loading track…</LoadingState>;
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
          <div className={styles.actions}>
            <AddToPlaylist trackId={track.id} />
          </div>
        </div>
      </div>
      {track.description && <p className={styles.description}>{track.description}</p>}
      <div className={styles.columns}>
        <TrackRating track={track} />
        {track.producerId ? (
          <ProducerCard producerId={track.producerId} fallbackName={track.artist} />
        ) : (
          <section className={styles.panel}>
            <h2>Producer</h2>
            <p>{track.artist}</p>
          </section>
        )}
      </div>
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
