'use client';
import { useQueries, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import type { Track } from '@/lib/domain/types';
import { findCachedTrack, trackDetailOptions } from '@/lib/query/tracks';
import { TrackArtwork } from '@/components/tracks/track-artwork';
import { OfflineBadge } from '@/components/downloads/offline-badge';
import { PlayTrackButton } from '@/components/player/play-track-button';
import { usePlayableTrack } from '@/components/player/use-playable';
import { player } from '@/lib/player/store';
import type { PlayerTrack } from '@/lib/player/types';
import { move, useDragReorder } from './use-drag-reorder';
import styles from './playlists.module.css';

/** The playlist's tracks: drag handles (touch and mouse), and move up / down / remove buttons for keyboards. */
export function PlaylistTracks({ trackIds, onChange, disabled }: { trackIds: string[]; onChange: (trackIds: string[]) => void; disabled?: boolean }) {
  const queryClient = useQueryClient();
  const tracks = useQueries({
    queries: trackIds.map((id) => trackDetailOptions(id, findCachedTrack(queryClient, id))),
  });
  const byId = new Map<string, Track>();
  tracks.forEach((q, i) => q.data && byId.set(trackIds[i]!, q.data));

  const { order, draggingIndex, dragOffset, handleProps } = useDragReorder(trackIds, onChange);
  const playable = usePlayableTrack();
  // The playlist as the mini player's queue, in its order (tracks not loaded yet or not playable left out).
  const queue = (): PlayerTrack[] =>
    order.flatMap((id) => {
      const track = byId.get(id);
      const item = track ? playable(track) : null;
      return item ? [item] : [];
    });

  return (
    <>
    <button type="button" className="button" onClick={() => player.playAll(queue())} data-testid="play-all">
      ▶ Play all
    </button>
    <ol className={styles.tracks} aria-label="Tracks in this playlist">
      {order.map((id, index) => {
        const track = byId.get(id);
        const title = track?.title ?? 'Loading…';
        const dragging = draggingIndex === index;
        return (
          <li
            key={id}
            className={`${styles.track} ${dragging ? styles.dragging : ''}`}
            style={dragging ? { transform: `translateY(${dragOffset}px)` } : undefined}
            data-testid="playlist-track"
          >
            <button type="button" className={styles.handle} aria-label={`Drag to reorder ${title}`} disabled={disabled} {...handleProps(index)}>
              ⠿
            </button>
            <span className={styles.number}>{index + 1}</span>
            <PlayTrackButton track={track ? playable(track) : null} title={title} queue={queue} />
            <TrackArtwork url={track?.artworkUrl ?? null} title={title} size={48} />
            <span className={styles.trackText}>
              <Link href={`/tracks/${id}`} className={styles.trackTitle} data-testid="playlist-track-title">{title}</Link>
              <span className="muted">
                {track?.artist ?? ''} {track?.isVip && <span className="chip chip-vip">VIP</span>} <OfflineBadge trackId={id} />
              </span>
            </span>
            <span className={styles.rowActions}>
              <button
                type="button" className={`button button-ghost ${styles.iconButton}`} aria-label={`Move ${title} up`}
                disabled={disabled || index === 0} onClick={() => onChange(move(trackIds, index, index - 1))}
              >↑</button>
              <button
                type="button" className={`button button-ghost ${styles.iconButton}`} aria-label={`Move ${title} down`}
                disabled={disabled || index === trackIds.length - 1} onClick={() => onChange(move(trackIds, index, index + 1))}
              >↓</button>
              <button
                type="button" className={`button button-ghost ${styles.iconButton}`} aria-label={`Remove ${title}`}
                disabled={disabled} onClick={() => onChange(trackIds.filter((t) => t !== id))}
              >✕</button>
            </span>
          </li>
        );
      })}
    </ol>
    </>
  );
}
