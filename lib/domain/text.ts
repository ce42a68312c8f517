import { z } from 'zod';

// Text members type is cleaned on the way in, by every input schema, here and only here: control
// characters and invisible format characters are dropped (NUL, C0/C1 controls, bidirectional
// overrides and isolates such as U+202E that make "evil\u202Eexe.mp3" read "evilpm3.exe", direction
// marks, zero-width spaces, soft hyphens, BOMs, blank Hangul fillers used as "empty" names).
// Ordinary text is kept as typed: accents, every script, emoji with their zero-width joiners
// (U+200D), variation selectors (U+FE0F) and flag tag sequences, and U+200C (needed in Persian and
// Indic scripts).

/** Emoji tag sequences (subdivision flags such as 🏴󠁧󠁢󠁳󠁣󠁴󠁿): their tag characters are kept. */
const EMOJI_TAG_SEQUENCE = /(\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F})/u;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Controls (Cc), format characters (Cf) and the Hangul fillers that render as nothing. */
const INVISIBLE = /[\p{Cc}\p{Cf}\u115F\u1160\u3164\uFFA0]/gu;
const KEPT_FORMAT = new Set(['\u200C', '\u200D']);

function clean(value: string, keep: (ch: string) => boolean): string {
  return value
    .split(EMOJI_TAG_SEQUENCE)
    .map((part, index) =>
      index % 2 === 1 ? part : part.replace(LONE_SURROGATE, '').replace(INVISIBLE, (ch) => (KEPT_FORMAT.has(ch) || keep(ch) ? ch : '')),
    )
    .join('');
}

/** One line (a name, a venue, a title): line breaks and tabs become spaces, the rest is dropped. */
export function cleanLine(value: string): string {
  return clean(value.replace(/\r\n|[\t\n\r\u2028\u2029]/g, ' '), () => false);
}

/** Free text (a bio, a description, a reason): line breaks (as \n) and tabs are kept. */
export function cleanMultiline(value: string): string {
  return clean(value.replace(/\r\n?|[\u2028\u2029]/g, '\n'), (ch) => ch === '\n' || ch === '\t');
}

/** A one-line text field: `lineText().trim().min(1).max(100)`; checks apply to the cleaned text. */
export const lineText = (params?: Parameters<typeof z.string>[0]) => z.string(params).overwrite(cleanLine);

/** A multi-line text field, as lineText. */
export const multilineText = (params?: Parameters<typeof z.string>[0]) => z.string(params).overwrite(cleanMultiline);
