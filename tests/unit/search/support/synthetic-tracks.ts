// A deterministic synthetic promo pool for search tests and benchmarks: realistic word pools,
// so prefixes and typos hit the same kind of vocabulary a real catalogue has.
import { CAMELOT_KEYS, ENERGY_LEVELS, GENRES } from '@/lib/domain/enums';
import type { Track } from '@/lib/domain/types';

const TITLE_WORDS = (
  'midnight solar velvet neon echo drift pulse shadow ritual horizon gravity mirage fever ' +
  'orbit tides ember static bloom desert signal motion crystal nomad phantom liquid sunrise ' +
  'voodoo jungle lotus cosmic silent heart machine tribe dream fire water ocean rhythm soul ' +
  'groove jack acid warehouse basement rain thunder moon stars dawn dusk night city street ' +
  'underground paradise sacred temple spirit voyage journey eclipse prism spectrum circuit ' +
  'frequency resonance vortex tunnel mirror glass silver golden amber indigo crimson obsidian ' +
  'marble granite canyon river mountain island harbor lighthouse compass anchor serenade ' +
  'lullaby anthem hymn chant mantra oracle prophecy legend myth fable saga chronicle'
).split(' ');
const SYLLABLES = 'ka lo mi ra ven tor sa lu ne bo zi da re fa xo pe ti mar el an ko ri yu'.split(' ');
const LABEL_WORDS = 'records music audio sounds recordings collective tapes digital works label'.split(' ');

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticTracks(count: number, seed = 7): Track[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const name = (parts: number) => {
    const word = Array.from({ length: parts }, () => pick(SYLLABLES)).join('');
    return word[0]!.toUpperCase() + word.slice(1);
  };
  const artists = Array.from({ length: Math.max(20, Math.round(count / 25)) }, () => `${name(2)} ${name(3)}`);
  const labels = Array.from({ length: Math.max(10, Math.round(count / 150)) }, () => `${name(2)} ${pick(LABEL_WORDS)}`);
  const start = Date.UTC(2023, 0, 1);
  return Array.from({ length: count }, (_, i): Track => {
    const words = 1 + Math.floor(random() * 3);
    const title = Array.from({ length: words }, () => pick(TITLE_WORDS))
      .map((w) => w[0]!.toUpperCase() + w.slice(1))
      .join(' ');
    const rated = random() < 0.8;
    const created = new Date(start + Math.floor(random() * 3 * 365 * 86_400_000)).toISOString();
    return {
      id: `trk_${i.toString(36).padStart(6, '0')}`,
      title: random() < 0.1 ? `${title} (${pick(['Extended', 'Dub', 'Club'])} Mix)` : title,
      artist: pick(artists),
      producerId: `usr_${Math.floor(random() * 1000)}`,
      collaborators: null,
      genre: pick(GENRES),
      bpm: random() < 0.95 ? 90 + Math.floor(random() * 85) : null,
      key: random() < 0.9 ? pick(CAMELOT_KEYS) : null,
      energy: random() < 0.9 ? pick(ENERGY_LEVELS) : null,
      mood: null,
      description: null,
      labelName: random() < 0.7 ? pick(labels) : null,
      artworkUrl: null,
      audioUrl: null,
      durationSeconds: 180 + Math.floor(random() * 300),
      isrc: null,
      iswc: null,
      status: 'approved',
      rejectionReason: null,
      playCount: Math.floor(random() * 1000),
      downloadCount: Math.floor(random() * 200),
      averageRating: rated ? Math.round((1 + random() * 4) * 10) / 10 : null,
      ratingCount: rated ? 1 + Math.floor(random() * 40) : 0,
      releaseDate: null,
      isUnreleased: false,
      isVip: random() < 0.1,
      vipRequested: false,
      vipPreview: null,
      rightsConfirmed: true,
      freeDownloadAuthorized: false,
      createdAt: created,
      updatedAt: created,
    };
  });
}

/** Keystroke prefixes of a few queries, as a DJ types them: "m", "mi", "mid", … */
export function keystrokes(queries: readonly string[]): string[] {
  return queries.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)).filter((s) => s.trim()));
}
