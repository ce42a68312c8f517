'use client';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Track } from '@/lib/domain/types';
import { useRenderCount } from '@/lib/perf/render-count';
import type { PlayerTrack } from '@/lib/player/types';
import { ROW_HEIGHT, TrackRow } from './track-row';
import { onIdle } from '@/lib/scheduling/idle';
import { knownScrollY, observeWindowRectAfterLayout, scrollWindowUnlessThere, viewportRect } from './window-geometry';
import { queueAround, type TrackSource } from './track-source';
import styles from './library.module.css';

/**
 * Rows mounted beyond the viewport on each side: half an iPad screen, enough for the list to keep
 * up with a flick (it re-renders on every scroll event). Each mounted row costs style, layout and
 * paint while the screen starts: 16 per side made the first rows' commit a long task at 4x CPU.
 */
const OVERSCAN = 8;
/** Longest the rows beyond the viewport wait for idle time after the first rows. */
const OVERSCAN_IDLE_TIMEOUT_MS = 500;

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
  // Where the list starts in the page (null until measured); the filter bar above it can wrap to
  // more lines on resize. Measured before any row is mounted: the first render is the empty list,
  // whose position costs the browser little to compute; a read once the rows were in would force
  // their style and layout inside the commit's task. Rows for a guessed position would fetch
  // covers of rows that are unmounted a frame later.
  const [scrollMargin, setScrollMargin] = useState<number | null>(null);
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const measure = () => setScrollMargin(list.getBoundingClientRect().top + window.scrollY);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);

  // The first rows are only those on screen; the rows beyond it come in a commit of their own once
  // the browser is idle (or a scroll asks for them): one commit of every row was a long task at start-up.
  const [overscan, setOverscan] = useState(0);

  // Read at the first render, while the list has no rows yet.
  const [initialViewport] = useState(viewportRect);
  const virtualizer = useWindowVirtualizer({
    count: source.count,
    estimateSize: () => ROW_HEIGHT,
    overscan,
    scrollMargin: scrollMargin ?? 0,
    initialRect: initialViewport,
    initialOffset: knownScrollY,
    observeElementRect: observeWindowRectAfterLayout,
    scrollToFn: scrollWindowUnlessThere,
    getItemKey: (index) => source.at(index)?.id ?? index,
  });
  const items = scrollMargin === null ? [] : virtualizer.getVirtualItems();
  const last = items[items.length - 1]?.index ?? 0;
  const hasRows = items.length > 0;
  useEffect(() => {
    if (hasRows && overscan === 0) return onIdle(() => setOverscan(OVERSCAN), OVERSCAN_IDLE_TIMEOUT_MS);
  }, [hasRows, overscan]);

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
            offset={item.start - (scrollMargin ?? 0)}
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
