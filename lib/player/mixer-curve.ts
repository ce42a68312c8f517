// The mixer's arithmetic. An equal-power crossfader keeps the summed power constant across the
// travel: share_A = cos(x·π/2), share_B = sin(x·π/2), so share_A² + share_B² = 1 (no dip in the
// middle, unlike a linear fade). Applied to Web Audio gain nodes, never to media-element volume
// (ignored on iOS).
import type { DeckId } from './types';

const clamp01 = (value: number) => (Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0);

/** Each deck's share of the output for crossfader position `x` (0 = deck A, 1 = deck B). */
export function crossfaderShares(x: number): Record<DeckId, number> {
  const position = clamp01(x);
  const angle = (position * Math.PI) / 2;
  // Exact zeros at the ends (cos(π/2) is 6e-17 in floating point).
  return {
    A: position >= 1 ? 0 : Math.cos(angle),
    B: position <= 0 ? 0 : Math.sin(angle),
  };
}

/** What a deck's gain node is set to: its channel fader times its crossfader share. */
export function deckOutputGain(deck: DeckId, fader: number, crossfader: number): number {
  return clamp01(fader) * crossfaderShares(crossfader)[deck];
}

export { clamp01 };
