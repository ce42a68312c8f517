'use client';
import { useEffect, useRef } from 'react';

export interface ReviewKeyActions {
  next(): void;
  previous(): void;
  approve(): void;
  reject(): void;
}

/** Typing in a field (a rejection reason, a preview time) never triggers a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * The review desk's keyboard: j / k move through the queue, a approves, r opens the rejection
 * form. Plain keys only (no modifier), never while typing or while a dialog is open.
 */
export function useReviewKeys(actions: ReviewKeyActions, enabled: boolean): void {
  const latest = useRef(actions);
  latest.current = actions;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.repeat) return;
      if (isTyping(event.target) || document.querySelector('dialog[open]')) return;
      const action = { j: latest.current.next, k: latest.current.previous, a: latest.current.approve, r: latest.current.reject }[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
