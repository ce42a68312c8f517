'use client';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Track } from '@/lib/domain/types';
import type { PlayerTrack } from '@/lib/player/types';
import { ROW_HEIGHT, TrackRow } from './track-row';
import { queueAround, type TrackSource } from './track-source';
import styles from './library.module.css';

/** Rows mounted beyond the viewport on each side: enough for fast flicks on an iPad. */
const OVERSCAN = 16;

/**
 * The page scrolls (not a nested box: momentum scrolling and the iPad's status-bar tap work), and
 * only the rows near the viewport are in the DOM, so 50 000 tracks mount as many rows as 1 000.
 * Its own chunk (see ./lazy-track-list.tsx): the virtualizer is a tenth of the console's first load.
 */
export function VirtualTrackList({ source, label, onIntent, playable }: {
  source: TrackSource;
  label: string;
  onIntent?: (track: Track) => void;
  playable?: (track: Track) => PlayerTrack | null;
}) {
  const listRef = useRef<HTMLUListElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);

  // Where the list starts in the page; the filter bar above it can wrap to more lines on resize.
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const measure = () => setScrollMargin(list.getBoundingClientRect().top + window.scrollY);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);

  const virtualizer = useWindowVirtualizer({
    count: source.count,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    scrollMargin,
    getItemKey: (index) => source.at(index)?.id ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const last = items[items.length - 1]?.index ?? 0;

  const { hasMore, loadMore, count } = source;
  useEffect(() => {
    if (hasMore && loadMore && last >= count - OVERSCAN) loadMore();
  }, [hasMore, loadMore, last, count]);

  return (
    <ul ref={listRef} className={styles.list} aria-label={label} style={{ height: virtualizer.getTotalSize() }}>
      {items.map((item) => {
        const track = source.at(item.index);
        if (!track) return null;
        return (
          <TrackRow
            key={item.key}
            track={track}
            position={item.index + 1}
            total={count}
            onIntent={onIntent}
            play={playable ? { track: playable(track), queue: () => queueAround(source, item.index, playable) } : undefined}
            style={{ transform: `translateY(${item.start - scrollMargin}px)`, height: item.size }}
          />
        );
      })}
    </ul>
  );
}
