import type { EntityRecord } from '../store/entity-store';

/**
 * Is `track` the member's own work? Their own track (`producer_id`), or one they are credited on
 * as a collaborator. Such a play earns no credit and such a vote is refused: a member cannot farm
 * plays, diamonds or stars on their own music.
 *
 * Collaborators are free text in real data (an array of strings in the app's records, one string
 * in the console's uploads: "MC Nobody, Kaya Lune feat. X"). An entry names the member when it is,
 * once normalised (accents dropped, case folded, punctuation and spacing collapsed):
 *   - their id or their email, or
 *   - their artist name or their full name, as the whole entry or as one of its parts split on
 *     `, ; & / +` and the words feat., ft., featuring, vs., x.
 * Whole names only, never a substring: "Nova" does not match "Bossa Nova Trio".
 */
export type OwnTrackReason = 'own_track' | 'collaborator';

export function ownTrackReason(track: EntityRecord, member: EntityRecord): OwnTrackReason | null {
  if (typeof track.producer_id === 'string' && track.producer_id === member.id) return 'own_track';
  const identities = memberIdentities(member);
  if (identities.size === 0) return null;
  return collaboratorNames(track.collaborators).some((name) => identities.has(name)) ? 'collaborator' : null;
}

/** The member's id, email, artist name and full name, normalised. */
function memberIdentities(member: EntityRecord): Set<string> {
  const values = [member.id, member.email, member.artist_name, member.full_name];
  return new Set(values.map((value) => (typeof value === 'string' ? normalised(value) : '')).filter((name) => name !== ''));
}

const PART_SEPARATORS = /\s*[,;&/+]\s*|\s+(?:feat\.?|ft\.?|featuring|vs\.?|x)\s+/iu;

/** Every entry of `collaborators` (array or one string) and every part of each, normalised. */
export function collaboratorNames(collaborators: unknown): string[] {
  const entries = Array.isArray(collaborators) ? collaborators : [collaborators];
  const names = new Set<string>();
  for (const entry of entries) {
    if (typeof entry !== 'string') continue;
    for (const text of [entry, ...entry.split(PART_SEPARATORS)]) {
      const name = normalised(text);
      if (name !== '') names.add(name);
    }
  }
  return [...names];
}

/** Accents dropped, case folded, everything but letters, digits, `@` and `.` collapsed to one space. */
export function normalised(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}@.]+/gu, ' ')
    .replace(/\s*\.\s*$/u, '')
    .trim();
}
