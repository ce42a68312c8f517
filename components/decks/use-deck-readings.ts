'use client';
import { useEffect, type RefObject } from 'react';
import { channelGain, getPlayerState, subscribePlayer } from '@/lib/player/store';
import type { DeckId } from '@/lib/player/types';

/**
 * The deck's ticking readings (position, output and node gain) as attributes tests and tools read,
 * written straight to the element on each change: a playing deck (5 Hz) or a crossfader move then
 * never re-renders the deck (issue #6's long tasks).
 */
export function useDeckReadings(ref: RefObject<HTMLElement | null>, deck: DeckId): void {
  useEffect(() => {
    const write = () => {
      const element = ref.current;
      if (!element) return;
      const state = getPlayerState().decks[deck];
      const nodeGain = channelGain(deck);
      setAttribute(element, 'data-position', state.position.toFixed(2));
      setAttribute(element, 'data-output-gain', state.outputGain.toFixed(4));
      setAttribute(element, 'data-node-gain', nodeGain === null ? '' : nodeGain.toFixed(4));
    };
    write();
    return subscribePlayer(write);
  }, [ref, deck]);
}

function setAttribute(element: HTMLElement, name: string, value: string): void {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}
