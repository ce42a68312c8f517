'use client';
import { useQueries, useQueryClient } from '@tanstack/react-query';
import { memo, useCallback, useDeferredValue, useMemo, useRef } from 'react';
import type { Track } from '@/lib/domain/types';
import { findCachedTrack, trackDetailOptions } from '@/lib/query/tracks';
import { IntentLink } from '@/components/layout/intent-link';
import { TrackArtwork } from '@/components/tracks/track-artwork';
import { OfflineBadge } from '@/components/downloads/offline-badge';
import { PlayTrackButton } from '@/components/player/play-track-button';
import { usePlayableTrack } from '@/components/player/use-playable';
import { useRenderCount } from '@/lib/perf/render-count';
import { player } from '@/lib/player/store';
import type { PlayerTrack } from '@/lib/player/types';
import { move, useDragReorder, type HandleProps } from './use-drag-reorder';
import styles from './playlists.module.css';

/** The tracks' data only: a refetch that brings the same track back changes nothing (structural sharing). */
const dataOf = (results: ReadonlyArray<{ data?: Track }>) => results.map((result) => result.data);

/**
 * The playlist's tracks: drag handles (touch and mouse), and move up / down / remove buttons for
 * keyboards. Each track's data arrives on its own: the rows are memoised and the list renders what
 * arrived as a deferred update, so a playlist does not re-render every row once per arriving track.
 */
export function PlaylistTracks({ trackIds, onChange, disabled }: { trackIds: string[]; onChange: (trackIds: string[]) => void; disabled?: boolean }) {
  useRenderCount('playlist-tracks');
  const queryClient = useQueryClient();
  const arrived = useQueries({
    queries: trackIds.map((id) => trackDetailOptions(id, findCachedTrack(queryClient, id))),
    combine: dataOf,
  });
  const tracks = useDeferredValue(arrived);
  const byId = useMemo(() => {
    const map = new Map<string, Track>();
    tracks.forEach((track) => track && map.set(track.id, track));
    return map;
  }, [tracks]);

  const { order, draggingIndex, dragOffset, handleProps } = useDragReorder(trackIds, onChange);
  const playable = usePlayableTrack();
  // The rows' buttons act on the latest list: their handlers stay the same across renders.
  const latest = useRef({ trackIds, onChange, order, byId, playable });
  latest.current = { trackIds, onChange, order, byId, playable };
  // The playlist as the mini player's queue, in its order (tracks not loaded yet or not playable left out).
  const queue = useCallback((): PlayerTrack[] => {
    const { order: ids, byId: known, playable: toPlayable } = latest.current;
    return ids.flatMap((id) => {
      const track = known.get(id);
      const item = track ? toPlayable(track) : null;
      return item ? [item] : [];
    });
  }, []);
  const moveTrack = useCallback((from: number, to: number) => latest.current.onChange(move(latest.current.trackIds, from, to)), []);
  const removeTrack = useCallback((id: string) => latest.current.onChange(latest.current.trackIds.filter((t) => t !== id)), []);

  return (
    <>
    <button type="button" className="button" onClick={() => player.playAll(queue())} data-testid="play-all">
      ▶ Play all
    </button>
    <ol className={styles.tracks} aria-label="Tracks in this playlist">
      {order.map((id, index) => {
        const track = byId.get(id);
        const dragging = draggingIndex === index;
        return (
          <PlaylistRow
            key={id}
            id={id}
            index={index}
            last={index === trackIds.length - 1}
            track={track}
            item={track ? playable(track) : null}
            dragOffset={dragging ? dragOffset : null}
            disabled={disabled === true}
            handle={handleProps(index)}
            queue={queue}
            onMove={moveTrack}
            onRemove={removeTrack}
          />
        );
      })}
    </ol>
    </>
  );
}

interface RowProps {
  id: string;
  index: number;
  last: boolean;
  track: Track | undefined;
  item: PlayerTrack | null;
  /** The pointer's offset while this row is dragged; null when it is not. */
  dragOffset: number | null;
  disabled: boolean;
  handle: HandleProps;
  queue: () => PlayerTrack[];
  onMove: (from: number, to: number) => void;
  onRemove: (id: string) => void;
}

const PlaylistRow = memo(function PlaylistRow({ id, index, last, track, item, dragOffset, disabled, handle, queue, onMove, onRemove }: RowProps) {
  useRenderCount('playlist-row');
  const title = track?.title ?? 'Loading…';
  const dragging = dragOffset !== null;
  return (
    <li
      className={`${styles.track} ${dragging ? styles.dragging : ''}`}
      style={dragging ? { transform: `translateY(${dragOffset}px)` } : undefined}
      data-testid="playlist-track"
    >
      <button type="button" className={styles.handle} aria-label={`Drag to reorder ${title}`} disabled={disabled} {...handle}>
        ⠿
      </button>
      <span className={styles.number}>{index + 1}</span>
      <PlayTrackButton track={item} title={title} queue={queue} />
      <TrackArtwork url={track?.artworkUrl ?? null} title={title} size={48} />
      <span className={styles.trackText}>
        <IntentLink href={`/tracks/${id}`} className={styles.trackTitle} data-testid="playlist-track-title">{title}</IntentLink>
        <span className="muted">
          {track?.artist ?? ''} {track?.isVip && <span className="chip chip-vip">VIP</span>} <OfflineBadge trackId={id} />
        </span>
      </span>
      <span className={styles.rowActions}>
        <button
          type="button" className={`button button-ghost ${styles.iconButton}`} aria-label={`Move ${title} up`}
          disabled={disabled || index === 0} onClick={() => onMove(index, index - 1)}
        >↑</button>
        <button
          type="button" className={`button button-ghost ${styles.iconButton}`} aria-label={`Move ${title} down`}
          disabled={disabled || last} onClick={() => onMove(index, index + 1)}
        >↓</button>
        <button
          type="button" className={`button button-ghost ${styles.iconButton}`} aria-label={`Remove ${title}`}
          disabled={disabled} onClick={() => onRemove(id)}
        >✕</button>
      </span>
    </li>
  );
}, (before, after) => {
  for (const key of Object.keys(before) as Array<keyof RowProps>) {
    if (key === 'item') continue;
    if (before[key] !== after[key]) return false;
  }
  const a = before.item;
  const b = after.item;
  return a === b || (a !== null && b !== null && a.audioUrl === b.audioUrl && a.preview?.endSeconds === b.preview?.endSeconds && a.preview?.startSeconds === b.preview?.startSeconds);
});
