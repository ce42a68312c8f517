import { describe, expect, it, vi } from 'vitest';
import { track } from './fake-backend';

// The store in front of a real engine on the fake audio backend (no browser).
vi.mock('@/lib/player/runtime', async () => ({ createBrowserPlayer: (await import('./fake-backend')).fakeBrowserPlayer }));

// Node delivers a MessagePort message through libuv: not ordered against a 0 ms timer.
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 25));

/** The loaded store, and how many times it has told its listener since. */
async function listeningStore() {
  const { loadPlayer, player, getPlayerState, subscribePlayer } = await import('@/lib/player/store');
  await loadPlayer();
  await nextTask();
  let count = 0;
  const unsubscribe = subscribePlayer(() => (count += 1));
  return { player, getPlayerState, heard: () => count, unsubscribe };
}

describe('the player store', () => {
  it('tells screens of a tap\'s changes in the next task, once, with the state already current', async () => {
    const { player, getPlayerState, heard, unsubscribe } = await listeningStore();

    player.loadDeck('A', track('a'));
    player.loadDeck('B', track('b'));
    expect(getPlayerState().decks.A.track?.id).toBe('a');
    expect(getPlayerState().decks.B.track?.id).toBe('b');
    expect(heard()).toBe(0);
    await nextTask();
    expect(heard()).toBe(1);
    unsubscribe();
  });

  it('renders a slider\'s change within its event (React resets a controlled input to its rendered value)', async () => {
    const { player, getPlayerState, heard, unsubscribe } = await listeningStore();

    player.setDeckGain('A', 0.5);
    expect(heard()).toBe(1);
    expect(getPlayerState().decks.A.gain).toBe(0.5);
    player.setTempo('B', 0.02);
    expect(heard()).toBe(2);
    player.setVolume(0.4);
    expect(heard()).toBe(3);
    await nextTask();
    expect(heard()).toBe(3);
    unsubscribe();
  });

  it('moves the crossfader at once and tells screens in the next task (the mixer\'s input is uncontrolled)', async () => {
    const { player, getPlayerState, heard, unsubscribe } = await listeningStore();

    player.setCrossfader(0.25);
    player.setCrossfader(0.3);
    expect(getPlayerState().crossfader).toBe(0.3);
    expect(heard()).toBe(0);
    await nextTask();
    expect(heard()).toBe(1);
    unsubscribe();
  });
});
