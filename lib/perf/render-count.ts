// Render counting for tests: a test's init script sets `window.__SPYNNERS_COUNT_RENDERS__ = {}`
// before the page loads, and every component that calls `useRenderCount(name)` adds one per
// committed render. Commits, not render calls: React may start a concurrent (transition or
// deferred) render and throw it away when newer data arrives; that is time-slicing at work, and
// counting it would make the count depend on the machine's speed. Without the object, the cost is
// one layout effect doing one property read per committed render of the component.
import { useLayoutEffect } from 'react';

declare global {
  interface Window {
    __SPYNNERS_COUNT_RENDERS__?: Record<string, number>;
  }
}

/** Adds one render of `name` when the page counts renders. */
export function countRender(name: string): void {
  if (typeof window === 'undefined') return;
  const counts = window.__SPYNNERS_COUNT_RENDERS__;
  if (counts) counts[name] = (counts[name] ?? 0) + 1;
}

/** Call in a component's body: counts its committed renders when a test asks for it. */
export function useRenderCount(name: string): void {
  // No dependency list: runs after every commit in which the component rendered.
  useLayoutEffect(() => countRender(name));
}
