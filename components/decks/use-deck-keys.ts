'use client';
import { useEffect, type RefObject } from 'react';
import { getPlayerState, player } from '@/lib/player/store';
import type { DeckId } from '@/lib/player/types';
import { isTypingTarget } from '@/components/player/typing-target';


export const DECK_KEYS: Array<[string, string]> = [
  ['Space', 'play / pause the last deck used'],
  ['D / L', 'play / pause deck A / B'],
  ['F / K', 'cue deck A / B'],
  ['1–4 / 7–0', 'hot cues of deck A / B (Shift clears)'],
  ['← →', 'crossfader'],
  ['↑ ↓', 'tempo of the last deck used'],
];

const HOT_CUE_KEYS: Record<string, [DeckId, number]> = {
  Digit1: ['A', 0], Digit2: ['A', 1], Digit3: ['A', 2], Digit4: ['A', 3],
  Digit7: ['B', 0], Digit8: ['B', 1], Digit9: ['B', 2], Digit0: ['B', 3],
};

/** Desktop shortcuts for the decks while the console view is open. */
export function useDeckKeys(lastDeckRef: RefObject<DeckId>, setLastDeck: (deck: DeckId) => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey || isTypingTarget(event.target)) return;
      const state = getPlayerState();
      const lastDeck = lastDeckRef.current;
      const deckAction = (deck: DeckId, action: () => void) => {
        setLastDeck(deck);
        action();
      };
      const hot = HOT_CUE_KEYS[event.code];
      if (hot) {
        const [deck, slot] = hot;
        deckAction(deck, () => (event.shiftKey ? player.clearHotCue(deck, slot) : player.hotCue(deck, slot)));
      } else if (event.code === 'Space') deckAction(lastDeck, () => player.togglePlayPause(lastDeck));
      else if (event.code === 'KeyD') deckAction('A', () => player.togglePlayPause('A'));
      else if (event.code === 'KeyL') deckAction('B', () => player.togglePlayPause('B'));
      else if (event.code === 'KeyF') deckAction('A', () => player.cue('A'));
      else if (event.code === 'KeyK') deckAction('B', () => player.cue('B'));
      else if (event.code === 'ArrowLeft') player.setCrossfader(state.crossfader - 0.05);
      else if (event.code === 'ArrowRight') player.setCrossfader(state.crossfader + 0.05);
      else if (event.code === 'ArrowUp') player.setTempo(lastDeck, state.decks[lastDeck].tempo + 0.001);
      else if (event.code === 'ArrowDown') player.setTempo(lastDeck, state.decks[lastDeck].tempo - 0.001);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [lastDeckRef, setLastDeck]);
}
