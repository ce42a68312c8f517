// Render counting for tests: a test's init script sets `window.__SPYNNERS_COUNT_RENDERS__ = {}`
// before the page loads, and every component that calls `useRenderCount(name)` adds one per render
// (render calls, not commits: a render React throws away was work all the same). Without the
// object, the whole cost is one property read per render.

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

/** Call at the top of a component's body: counts its renders when a test asks for it. */
export function useRenderCount(name: string): void {
  countRender(name);
}
