import { describe, expect, it, vi } from 'vitest';
import { createUpdateController } from '@/lib/pwa/update-controller';

/** Effects with a playback switch the test flips; playback listeners hear every flip. */
function setup(initiallyPlaying = false) {
  let playing = initiallyPlaying;
  const listeners = new Set<() => void>();
  const effects = {
    isPlaying: () => playing,
    subscribePlayback: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    skipWaiting: vi.fn(),
    reload: vi.fn(),
  };
  const setPlaying = (next: boolean) => {
    playing = next;
    for (const listener of [...listeners]) listener();
  };
  return { controller: createUpdateController(effects), effects, setPlaying, listeners };
}

describe('update controller', () => {
  it('shows a waiting update, applies it on accept and reloads once the new worker controls', () => {
    const { controller, effects } = setup();
    expect(controller.getSnapshot().phase).toBe('idle');
    controller.updateWaiting();
    expect(controller.getSnapshot().phase).toBe('available');
    controller.accept();
    expect(controller.getSnapshot().phase).toBe('applying');
    expect(effects.skipWaiting).toHaveBeenCalledOnce();
    expect(effects.reload).not.toHaveBeenCalled();
    controller.controlling(true);
    expect(effects.reload).toHaveBeenCalledOnce();
  });

  it('never applies while something plays: keeps the banner and applies when playback stops', () => {
    const { controller, effects, setPlaying } = setup(true);
    controller.updateWaiting();
    controller.accept();
    expect(controller.getSnapshot().phase).toBe('deferred');
    setPlaying(true); // still playing (another event)
    expect(effects.skipWaiting).not.toHaveBeenCalled();
    setPlaying(false);
    expect(effects.skipWaiting).toHaveBeenCalledOnce();
    expect(controller.getSnapshot().phase).toBe('applying');
  });

  it('does not reload while something plays, even once the new worker controls', () => {
    const { controller, effects, setPlaying } = setup();
    controller.updateWaiting();
    controller.accept();
    setPlaying(true);
    controller.controlling(true);
    expect(effects.reload).not.toHaveBeenCalled();
    setPlaying(false);
    expect(effects.reload).toHaveBeenCalledOnce();
  });

  it('reloads (when quiet) if another window applied the update, but not on the first install', () => {
    const first = setup();
    first.controller.controlling(false);
    expect(first.effects.reload).not.toHaveBeenCalled();
    const other = setup(true);
    other.controller.controlling(true);
    other.controller.controlling(true);
    expect(other.effects.reload).not.toHaveBeenCalled();
    other.setPlaying(false);
    expect(other.effects.reload).toHaveBeenCalledOnce();
  });

  it('hides the banner on Later and ignores accepts when nothing waits', () => {
    const { controller, effects } = setup();
    controller.accept();
    expect(effects.skipWaiting).not.toHaveBeenCalled();
    controller.updateWaiting();
    const seen: boolean[] = [];
    controller.subscribe(() => seen.push(controller.getSnapshot().dismissed));
    controller.dismiss();
    expect(seen).toEqual([true]);
    expect(controller.getSnapshot().phase).toBe('available');
  });
});
