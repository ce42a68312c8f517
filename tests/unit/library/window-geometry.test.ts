import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Virtualizer } from '@tanstack/react-virtual';

/** A window whose layout-forcing reads are counted, with a ResizeObserver the test fires. */
function fakeWindow() {
  const reads: string[] = [];
  let scrollY = 0;
  const target = new EventTarget();
  const observers: Array<() => void> = [];
  const scrollTo = vi.fn((options: { top: number }) => {
    scrollY = options.top;
    target.dispatchEvent(new Event('scroll'));
  });
  // Accessors kept as accessors (Object.assign would read them once and copy the values).
  const win = Object.defineProperties(target, Object.getOwnPropertyDescriptors({
    get innerWidth() {
      reads.push('innerWidth');
      return 820;
    },
    get innerHeight() {
      reads.push('innerHeight');
      return 1180;
    },
    get scrollY() {
      reads.push('scrollY');
      return scrollY;
    },
    document: { documentElement: {} },
    scrollTo,
  }));
  class FakeResizeObserver {
    constructor(private readonly callback: () => void) {}
    observe() {
      observers.push(this.callback);
    }
    disconnect() {}
  }
  vi.stubGlobal('window', win);
  vi.stubGlobal('ResizeObserver', FakeResizeObserver);
  const instance = { scrollElement: win, options: { horizontal: false, isRtl: false } } as unknown as Virtualizer<Window, Element>;
  return { win, scrollTo, reads, instance, layoutDone: () => observers.forEach((callback) => callback()) };
}

describe('window geometry for the library list', () => {
  beforeEach(() => vi.resetModules());
  afterEach(() => vi.unstubAllGlobals());

  it('learns the window size only after a layout, never when the list subscribes', async () => {
    const page = fakeWindow();
    const { observeWindowRectAfterLayout } = await import('@/components/library/window-geometry');
    const report = vi.fn();
    const stop = observeWindowRectAfterLayout(page.instance, report);
    expect(page.reads).toEqual([]);
    expect(report).not.toHaveBeenCalled();
    page.layoutDone();
    expect(report).toHaveBeenCalledWith({ width: 820, height: 1180 });
    page.win.dispatchEvent(new Event('resize'));
    expect(report).toHaveBeenCalledTimes(2);
    stop();
  });

  it('skips a scroll write to where the page already is, and makes any other', async () => {
    const page = fakeWindow();
    const { knownScrollY, scrollWindowUnlessThere } = await import('@/components/library/window-geometry');
    expect(knownScrollY()).toBe(0);
    scrollWindowUnlessThere(0, {}, page.instance); // what the virtualizer does when it mounts
    expect(page.scrollTo).not.toHaveBeenCalled();
    scrollWindowUnlessThere(720, {}, page.instance);
    expect(page.scrollTo).toHaveBeenCalledWith(expect.objectContaining({ top: 720 }));
    expect(knownScrollY()).toBe(720); // learnt from the scroll event
    scrollWindowUnlessThere(700, { adjustments: 20 }, page.instance);
    expect(page.scrollTo).toHaveBeenCalledTimes(1);
    scrollWindowUnlessThere(720, { behavior: 'smooth' }, page.instance);
    expect(page.scrollTo).toHaveBeenCalledTimes(2);
  });
});
