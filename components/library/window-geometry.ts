// The window's size and scroll offset for the list's virtualizer, learnt without forcing a layout.
// TanStack's window observers read `innerWidth` / `innerHeight` / `scrollY` when the list mounts:
// with a viewport meta tag (phones, iPads) each read makes the browser compute style and layout of
// the rows just inserted, inside the commit's task. Here they are read only where layout is already
// done (a ResizeObserver callback, a scroll or resize event), or before any row is mounted.
// Its mount also writes the offset it read back to the window, which forces the same layout: a write
// to where the page already is is skipped.
import { windowScroll, type Rect, type Virtualizer } from '@tanstack/react-virtual';

let lastScrollY = 0;
if (typeof window !== 'undefined') {
  window.addEventListener('scroll', () => (lastScrollY = window.scrollY), { passive: true });
}

/** The scroll offset last reported by a scroll event (0 on a fresh page). */
export const knownScrollY = (): number => lastScrollY;

/** The window's inner size now: read it before the list mounts rows (then it costs next to nothing). */
export function viewportRect(): Rect {
  if (typeof window === 'undefined') return { width: 0, height: 0 };
  return { width: window.innerWidth, height: window.innerHeight };
}

/** Reports the window's inner size after each layout that changed the page's size, and on resize. */
export function observeWindowRectAfterLayout(instance: Virtualizer<Window, Element>, report: (rect: Rect) => void): () => void {
  const win = instance.scrollElement;
  if (!win) return () => undefined;
  const read = () => report({ width: win.innerWidth, height: win.innerHeight });
  const observer = new ResizeObserver(read);
  observer.observe(win.document.documentElement);
  win.addEventListener('resize', read, { passive: true });
  return () => {
    observer.disconnect();
    win.removeEventListener('resize', read);
  };
}

/** Scrolls the window as TanStack does, but not to the offset it is already at (that write forces a layout). */
export function scrollWindowUnlessThere(
  offset: number,
  options: { adjustments?: number; behavior?: ScrollBehavior },
  instance: Virtualizer<Window, Element>,
): void {
  const target = offset + (options.adjustments ?? 0);
  if (target === lastScrollY && options.behavior !== 'smooth') return;
  windowScroll(offset, options, instance);
}
