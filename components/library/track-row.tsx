import Link from 'next/link';
import { ENERGY_LABELS } from '@/lib/domain/enums';
import type { Track } from '@/lib/domain/types';
import { TrackArtwork } from '@/components/tracks/track-artwork';
import styles from './library.module.css';

export function TrackRow({ track }: { track: Track }) {
  return (
    <li>
      <Link href={`/tracks/${track.id}`} className={styles.row} data-testid="track-row">
        <TrackArtwork url={track.artworkUrl} title={track.title} size={56} />
        <span className={styles.titleCell}>
          <span className={styles.title} data-testid="track-title">{track.title}</span>
          <span className={styles.artist}>{track.artist}</span>
        </span>
        <span className={styles.genre} data-testid="track-genre">{track.genre}</span>
        <span className={styles.metric} title="Tempo" data-testid="track-bpm">{track.bpm ? `${track.bpm} BPM` : '–'}</span>
        <span className={styles.metric} title="Camelot key">{track.key ?? '–'}</span>
        <span className={styles.energy}>{track.energy ? ENERGY_LABELS[track.energy] : ''}</span>
        <span>{track.isVip && <span className="chip chip-vip">VIP</span>}</span>
      </Link>
    </li>
  );
}
