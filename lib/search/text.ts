/** Lower-case, accents stripped ("Beyoncé" → "beyonce"), so typing without accents finds them. */
export function normalizeText(text: string): string {
  const lower = text.toLowerCase();
  // Fast path: plain ASCII needs no Unicode normalisation.
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(lower) ? lower : lower.normalize('NFD').replace(/\p{M}+/gu, '');
}

const SEPARATOR = /[\s\p{P}\p{S}]+/u;

/** Words: split on spaces, punctuation and symbols ("Drum & Bass" → drum, bass; "Nu-Disco" → nu, disco). */
export function tokenize(text: string): string[] {
  return text.split(SEPARATOR).filter(Boolean);
}
