import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { track } from './fake-backend';

// The player's start-up: its code after start-up, the engine at the first input, and no tap plays
// while the owner rule removes another member's downloads.
const startup = vi.hoisted(() => ({ jobs: [] as Array<() => unknown> }));
const audio = vi.hoisted(() => ({ unlocks: 0 }));
const engines = vi.hoisted(() => ({ created: 0 }));
const owner = vi.hoisted(() => ({ gate: null as Promise<void> | null }));

vi.mock('@/lib/scheduling/after-startup', () => ({
  afterStartup: (job: () => unknown) => {
    let cancelled = false;
    startup.jobs.push(() => (cancelled ? undefined : job()));
    return () => (cancelled = true);
  },
}));
vi.mock('@/lib/player/audio-output', () => ({
  unlockAudioOutput: () => {
    audio.unlocks += 1;
    return null;
  },
}));
vi.mock('@/lib/offline/downloads/owner-rule', () => ({ ownerRule: { gate: () => owner.gate } }));
vi.mock('@/lib/player/runtime', async () => {
  const { fakeBrowserPlayer } = await import('./fake-backend');
  return {
    createBrowserPlayer: () => {
      engines.created += 1;
      return fakeBrowserPlayer();
    },
  };
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));
const runNextJob = async () => {
  const job = startup.jobs.shift();
  expect(job).toBeDefined();
  await job!();
  await settle();
};

describe('the player at start-up', () => {
  beforeEach(() => {
    vi.resetModules();
    startup.jobs.length = 0;
    audio.unlocks = 0;
    engines.created = 0;
    owner.gate = null;
    vi.stubGlobal('window', new EventTarget());
  });
  afterEach(() => vi.unstubAllGlobals());

  it('loads the engine\'s code after start-up, and creates the engine (and its AudioContext) at the first input', async () => {
    const { preloadPlayer, getPlayerState } = await import('@/lib/player/store');
    preloadPlayer();
    await settle();
    expect(startup.jobs).toHaveLength(1);
    expect(engines.created).toBe(0);

    await runNextJob(); // the code only
    expect(engines.created).toBe(0);
    expect(startup.jobs).toHaveLength(0);

    window.dispatchEvent(new Event('pointerdown'));
    await settle();
    expect(engines.created).toBe(1);
    window.dispatchEvent(new Event('keydown'));
    await settle();
    expect(engines.created).toBe(1);
    expect(getPlayerState().player.status).toBeDefined();
  });

  it('a cancelled preload (unmount) prepares nothing more', async () => {
    const { preloadPlayer } = await import('@/lib/player/store');
    const cancel = preloadPlayer();
    cancel();
    for (const job of startup.jobs.splice(0)) await job();
    window.dispatchEvent(new Event('pointerdown'));
    await settle();
    expect(engines.created).toBe(0);
  });

  it('a tap before the preload still plays (the engine loads on demand)', async () => {
    const { player, getPlayerState } = await import('@/lib/player/store');
    player.playTrack(track('a'));
    expect(audio.unlocks).toBe(1);
    await settle();
    expect(getPlayerState().player.track?.id).toBe('a');
  });

  it('a tap waits while the owner rule removes another member\'s downloads', async () => {
    const { loadPlayer, player, getPlayerState } = await import('@/lib/player/store');
    await loadPlayer();
    let open: () => void = () => undefined;
    owner.gate = new Promise<void>((resolve) => (open = resolve));

    player.playTrack(track('a'));
    expect(audio.unlocks).toBe(1); // still unlocked inside the tap
    await settle();
    expect(getPlayerState().player.track).toBeNull();

    open();
    owner.gate = null;
    await settle();
    expect(getPlayerState().player.track?.id).toBe('a');
  });
});
