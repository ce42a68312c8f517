'use client';
import { useCallback, useRef, useState, type PointerEvent } from 'react';

export function move<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

type Dragging<T> = { order: T[]; index: number; offset: number };

export interface HandleProps {
  onPointerDown(event: PointerEvent<HTMLElement>): void;
  onPointerMove(event: PointerEvent<HTMLElement>): void;
  onPointerUp(): void;
  onPointerCancel(): void;
}

/**
 * Drag to reorder with Pointer Events, so mouse, pen and touch share one code path (the handle has
 * `touch-action: none`, so a drag on it never scrolls the page). The order shown follows the
 * pointer; `onDrop` receives the final order once, on release, if it changed. `handleProps(index)`
 * is the same object for an index across renders (the handlers read the latest state), so memoised
 * rows are not re-rendered by a render of the list.
 */
export function useDragReorder<T>(items: readonly T[], onDrop: (next: T[]) => void) {
  const [dragging, setDraggingState] = useState<Dragging<T> | null>(null);
  const start = useRef<{ y: number; index: number; rowHeight: number; origin: number } | null>(null);
  const latest = useRef({ items, onDrop, dragging });
  latest.current = { items, onDrop, dragging };
  const setDragging = useCallback((next: Dragging<T> | null) => {
    latest.current.dragging = next;
    setDraggingState(next);
  }, []);
  const byIndex = useRef(new Map<number, HandleProps>());

  const handleProps = useCallback((index: number): HandleProps => {
    const known = byIndex.current.get(index);
    if (known) return known;
    const props: HandleProps = {
      onPointerDown: (event) => {
        if (event.button !== 0) return;
        const row = event.currentTarget.closest('li');
        const rowHeight = (row?.getBoundingClientRect().height ?? 56) + 4; // row + list gap
        event.currentTarget.setPointerCapture(event.pointerId);
        start.current = { y: event.clientY, index, rowHeight, origin: index };
        setDragging({ order: [...latest.current.items], index, offset: 0 });
      },
      onPointerMove: (event) => {
        const s = start.current;
        const current = latest.current.dragging;
        if (!s || !current) return;
        const dy = event.clientY - s.y;
        const target = Math.max(0, Math.min(latest.current.items.length - 1, s.origin + Math.round(dy / s.rowHeight)));
        if (target !== current.index) {
          setDragging({ order: move(current.order, current.index, target), index: target, offset: dy - (target - s.origin) * s.rowHeight });
        } else {
          setDragging({ ...current, offset: dy - (target - s.origin) * s.rowHeight });
        }
      },
      onPointerUp: () => {
        const s = start.current;
        const current = latest.current.dragging;
        start.current = null;
        if (current && s && current.index !== s.origin) latest.current.onDrop(current.order);
        setDragging(null);
      },
      onPointerCancel: () => {
        start.current = null;
        setDragging(null);
      },
    };
    byIndex.current.set(index, props);
    return props;
  }, [setDragging]);

  return {
    order: dragging?.order ?? items,
    draggingIndex: dragging?.index ?? null,
    dragOffset: dragging?.offset ?? 0,
    handleProps,
  };
}
