// Key tags (ID3 TKEY and friends) → Camelot. Tags say "Am", "F#m", "Dbmaj", "8A" or "A minor".
import { CAMELOT_KEYS } from '@/lib/domain/enums';

const PITCH: Record<string, number> = { C: 0, D: 2, E: 4, F: 5, G: 7, A: 9, B: 11 };
/** Camelot number of each pitch class, minor (A) and major (B). */
const MINOR = [5, 12, 7, 2, 9, 4, 11, 6, 1, 8, 3, 10];
const MAJOR = [8, 3, 10, 5, 12, 7, 2, 9, 4, 11, 6, 1];

export function camelotFromTag(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const text = tag.trim();
  const camelot = text.toUpperCase().replace(/^0+/, '');
  if (CAMELOT_KEYS.includes(camelot)) return camelot;
  const match = /^([A-Ga-g])\s*(#|♯|b|♭)?\s*(m|min|minor|-|maj|major|M)?$/.exec(text.replace(/\s+/g, ' '));
  if (!match) return null;
  let pitch = PITCH[match[1]!.toUpperCase()]!;
  if (match[2] === '#' || match[2] === '♯') pitch += 1;
  if (match[2] === 'b' || match[2] === '♭') pitch -= 1;
  pitch = (pitch + 12) % 12;
  const mode = match[3] ?? '';
  const minor = mode === 'm' || mode === '-' || mode.toLowerCase().startsWith('min');
  return `${(minor ? MINOR : MAJOR)[pitch]}${minor ? 'A' : 'B'}`;
}
