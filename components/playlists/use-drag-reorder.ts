'use client';
import { useRef, useState, type PointerEvent } from 'react';

export function move<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

/**
 * Drag to reorder with Pointer Events, so mouse, pen and touch share one code path (the handle has
 * `touch-action: none`, so a drag on it never scrolls the page). The order shown follows the
 * pointer; `onDrop` receives the final order once, on release, if it changed.
 */
export function useDragReorder<T>(items: readonly T[], onDrop: (next: T[]) => void) {
  const [dragging, setDragging] = useState<{ order: T[]; index: number; offset: number } | null>(null);
  const start = useRef<{ y: number; index: number; rowHeight: number; origin: number } | null>(null);

  const handleProps = (index: number) => ({
    onPointerDown: (event: PointerEvent<HTMLElement>) => {
      if (event.button !== 0) return;
      const row = event.currentTarget.closest('li');
      const rowHeight = (row?.getBoundingClientRect().height ?? 56) + 4; // row + list gap
      event.currentTarget.setPointerCapture(event.pointerId);
      start.current = { y: event.clientY, index, rowHeight, origin: index };
      setDragging({ order: [...items], index, offset: 0 });
    },
    onPointerMove: (event: PointerEvent<HTMLElement>) => {
      const s = start.current;
      if (!s || !dragging) return;
      const dy = event.clientY - s.y;
      const target = Math.max(0, Math.min(items.length - 1, s.origin + Math.round(dy / s.rowHeight)));
      if (target !== dragging.index) {
        setDragging({ order: move(dragging.order, dragging.index, target), index: target, offset: dy - (target - s.origin) * s.rowHeight });
      } else {
        setDragging({ ...dragging, offset: dy - (target - s.origin) * s.rowHeight });
      }
    },
    onPointerUp: () => {
      const s = start.current;
      start.current = null;
      if (dragging && s && dragging.index !== s.origin) onDrop(dragging.order);
      setDragging(null);
    },
    onPointerCancel: () => {
      start.current = null;
      setDragging(null);
    },
  });

  return {
    order: dragging?.order ?? items,
    draggingIndex: dragging?.index ?? null,
    dragOffset: dragging?.offset ?? 0,
    handleProps,
  };
}
