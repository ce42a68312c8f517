// Legacy spellings of SPYNNERS' enumerations, read onto the canonical sets of lib/domain/enums.
// The legacy apps disagree (four genre lists, three user_type sets, two energy spellings).
import {
  CAMELOT_KEYS,
  ENERGY_LEVELS,
  GENRES,
  ROLES,
  TRACK_STATUSES,
  type EnergyLevel,
  type Genre,
  type Role,
  type TrackStatus,
  type UserType,
} from '@/lib/domain/enums';

/** Case, `&`/`and`, spacing and punctuation do not distinguish two spellings. */
export function spellingKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '');
}

/** Genre names from older SPYNNERS lists (and Beatport's) that are not just respellings. */
const GENRE_ALIASES: Record<string, Genre> = {
  'Afro': 'Afro House',
  'Afro Tech': 'Afro House',
  'Melodic Techno': 'Melodic House & Techno',
  'Melodic House': 'Melodic House & Techno',
  'Minimal': 'Minimal / Deep Tech',
  'Deep Tech': 'Minimal / Deep Tech',
  'Nu Disco': 'Disco / Nu Disco',
  'Disco': 'Disco / Nu Disco',
  'Nu-Disco / Disco': 'Disco / Nu Disco',
  'Indie Dance / Nu Disco': 'Indie Dance',
  'Drum n Bass': 'Drum & Bass',
  'DnB': 'Drum & Bass',
  'Breakbeat': 'Breaks',
  'Breaks / Breakbeat / UK Bass': 'Breaks',
  'Techno (Peak Time / Driving)': 'Techno',
  'Peak Time Techno': 'Techno',
  'Techno (Raw / Deep / Hypnotic)': 'Techno',
  'Hard Techno / Industrial': 'Hard Techno',
  'Organic House / Downtempo': 'Organic House',
  'Downtempo': 'Organic House',
  'Progressive': 'Progressive House',
  'Electronica / Downtempo': 'Electronica',
};

const GENRE_BY_KEY = new Map<string, Genre>([
  ...Object.entries(GENRE_ALIASES).map(([alias, genre]) => [spellingKey(alias), genre] as const),
  ...GENRES.map((genre) => [spellingKey(genre), genre] as const),
]);

/** Any known spelling → the canonical genre; unknown or missing → 'Other'. */
export function toGenre(value: unknown): Genre {
  if (typeof value !== 'string') return 'Other';
  return GENRE_BY_KEY.get(spellingKey(value)) ?? 'Other';
}

/** Every spelling the console knows for a genre, for `$in` filters on legacy data. */
export function genreSpellings(genre: Genre): string[] {
  const aliases = Object.entries(GENRE_ALIASES)
    .filter(([, target]) => target === genre)
    .map(([alias]) => alias);
  return [...new Set([genre, genre.replace(/&/g, 'and'), genre.toLowerCase(), ...aliases])];
}

/** `low|medium|high|very_high`, `Low|Medium|High|Very High` and close variants. */
export function toEnergy(value: unknown): EnergyLevel | null {
  if (typeof value !== 'string') return null;
  const key = value.trim().toLowerCase().replace(/[\s-]+/g, '_');
  return (ENERGY_LEVELS as readonly string[]).includes(key) ? (key as EnergyLevel) : null;
}

/** The spellings of an energy level found in Base44 data. */
export function energySpellings(level: EnergyLevel): string[] {
  const label = level === 'very_high' ? 'Very High' : level[0]!.toUpperCase() + level.slice(1);
  return [level, label];
}

const USER_TYPE_BY_KEY: Record<string, UserType> = {
  dj: 'dj',
  deejay: 'dj',
  producer: 'producer',
  artist: 'producer',
  djproducer: 'dj_producer',
  djandproducer: 'dj_producer',
  producerdj: 'dj_producer',
  both: 'dj_producer',
  label: 'label',
  recordlabel: 'label',
  listener: 'listener',
  fan: 'listener',
};

/** Unknown or missing → 'listener', the type with the fewest capabilities. */
export function toUserType(value: unknown): UserType {
  if (typeof value !== 'string') return 'listener';
  return USER_TYPE_BY_KEY[spellingKey(value)] ?? 'listener';
}

export function toRole(value: unknown): Role {
  const key = typeof value === 'string' ? value.trim().toLowerCase() : '';
  return (ROLES as readonly string[]).includes(key) ? (key as Role) : 'user';
}

/** Unknown or missing → 'pending': a record nobody approved is never shown as approved. */
export function toTrackStatus(value: unknown): TrackStatus {
  const key = typeof value === 'string' ? value.trim().toLowerCase() : '';
  return (TRACK_STATUSES as readonly string[]).includes(key) ? (key as TrackStatus) : 'pending';
}

/** Camelot keys in any case, with or without a leading zero ('08a' → '8A'); else null. */
export function toCamelotKey(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const key = value.trim().toUpperCase().replace(/^0+/, '');
  return CAMELOT_KEYS.includes(key) ? key : null;
}
