// The state before anything plays. Kept apart from the engine: the always-loaded store needs it,
// the engine itself is loaded on first use.
import { emptyCues } from './hot-cues';
import { deckOutputGain } from './mixer-curve';
import { EMPTY_QUEUE } from './queue';
import type { ChannelState, DeckId, DeckState, PlayerState } from './types';

export const emptyChannel = (): ChannelState => ({
  track: null, status: 'empty', isPlaying: false, position: 0, duration: 0, error: null, audibleMs: 0, onAir: false,
});

const emptyDeck = (deck: DeckId): DeckState => ({
  ...emptyChannel(), ...emptyCues(), tempo: 0, keyLock: true, gain: 1, outputGain: deckOutputGain(deck, 1, 0.5),
});

export function initialPlayerState(keyLockSupported = false): PlayerState {
  return {
    player: { ...emptyChannel(), queue: EMPTY_QUEUE, volume: 1 },
    decks: { A: emptyDeck('A'), B: emptyDeck('B') },
    crossfader: 0.5,
    audio: 'idle',
    keyLockSupported,
  };
}

