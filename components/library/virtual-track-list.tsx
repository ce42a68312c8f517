'use client';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Track } from '@/lib/domain/types';
import { useRenderCount } from '@/lib/perf/render-count';
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
export const VirtualTrackList = memo(function VirtualTrackList({ source, label, onIntent, playable }: {
  source: TrackSource;
  label: string;
  onIntent?: (track: Track) => void;
  playable?: (track: Track) => PlayerTrack | null;
}) {
  useRenderCount('VirtualTrackList');
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
    // The window's size from the start (this chunk only runs in the browser): no extra render to learn it.
    initialRect: typeof window === 'undefined' ? undefined : { width: window.innerWidth, height: window.innerHeight },
    getItemKey: (index) => source.at(index)?.id ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const last = items[items.length - 1]?.index ?? 0;

  // A play button queues the list as shown when it is tapped; rows need not re-render to know it.
  const latest = useRef({ source, playable });
  useLayoutEffect(() => {
    latest.current = { source, playable };
  }, [source, playable]);
  const queueAt = useCallback((index: number) => {
    const { source: shown, playable: rules } = latest.current;
    return rules ? queueAround(shown, index, rules) : [];
  }, []);

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
            index={item.index}
            total={count}
            offset={item.start - scrollMargin}
            height={item.size}
            onIntent={onIntent}
            playable={playable}
            queueAt={queueAt}
          />
        );
      })}
    </ul>
  );
});
