import { afterEach, describe, expect, it, vi } from 'vitest';
import { onFirstInput } from '@/lib/scheduling/first-input';

describe('onFirstInput', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('runs once, at the first pointerdown or keydown, and then stops listening', () => {
    const target = new EventTarget();
    vi.stubGlobal('window', target);
    const callback = vi.fn();
    onFirstInput(callback);
    target.dispatchEvent(new Event('scroll'));
    expect(callback).not.toHaveBeenCalled();
    target.dispatchEvent(new Event('keydown'));
    target.dispatchEvent(new Event('pointerdown'));
    expect(callback).toHaveBeenCalledOnce();
  });

  it('does nothing once cancelled', () => {
    const target = new EventTarget();
    vi.stubGlobal('window', target);
    const callback = vi.fn();
    onFirstInput(callback)();
    target.dispatchEvent(new Event('pointerdown'));
    expect(callback).not.toHaveBeenCalled();
  });
});
