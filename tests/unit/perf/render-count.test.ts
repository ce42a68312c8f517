import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countRender } from '@/lib/perf/render-count';

type CountingWindow = { __SPYNNERS_COUNT_RENDERS__?: Record<string, number> };
const global = globalThis as { window?: CountingWindow };

beforeEach(() => {
  global.window = {};
});

afterEach(() => {
  delete global.window;
});

describe('render counting', () => {
  it('counts nothing (and creates nothing) unless the page asked for it', () => {
    countRender('List');
    expect(global.window).toEqual({});
  });

  it('counts renders per name once the page asked for it', () => {
    global.window!.__SPYNNERS_COUNT_RENDERS__ = {};
    countRender('List');
    countRender('List');
    countRender('Row');
    expect(global.window!.__SPYNNERS_COUNT_RENDERS__).toEqual({ List: 2, Row: 1 });
  });

  it('does nothing on the server (no window)', () => {
    delete global.window;
    expect(() => countRender('List')).not.toThrow();
  });
});
