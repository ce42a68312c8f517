import { CAMELOT_KEYS, ENERGY_LEVELS, GENRES, type TrackStatus } from '../../domain/enums';
import type { Prng } from './prng';

const BPM_RANGES: Record<string, [number, number]> = {
  'Afro House': [118, 124], 'Deep House': [118, 124], House: [120, 126], 'Tech House': [124, 128],
  'Progressive House': [120, 126], 'Melodic House & Techno': [120, 125], Techno: [128, 136],
  'Hard Techno': [140, 155], 'Minimal / Deep Tech': [124, 128], 'Organic House': [110, 120],
  'Indie Dance': [110, 122], 'Disco / Nu Disco': [110, 124], 'Drum & Bass': [170, 176],
  Trance: [136, 140], Breaks: [128, 136], Electronica: [100, 125], Other: [90, 130],
};
const FIRST = ['Midnight', 'Solar', 'Velvet', 'Neon', 'Hidden', 'Golden', 'Broken', 'Silent', 'Electric', 'Lunar', 'Crystal', 'Deep', 'Wild', 'Analog', 'Distant', 'Burning'];
const SECOND = ['Circuit', 'Drift', 'Horizon', 'Pulse', 'Garden', 'Signal', 'Tide', 'Mirage', 'Engine', 'Ritual', 'Echo', 'Motion', 'Voltage', 'Canyon', 'Bloom', 'Orbit'];
const MOODS = ['dark', 'uplifting', 'hypnotic', 'groovy', 'melancholic', 'euphoric', 'driving', 'dreamy'];
const LABELS = ['Spynners Records', 'Lune Audio', 'Warehouse Tapes', 'Orbit Music', 'Nightshift', 'Independent'];

export interface TrackPlan {
  readonly index: number;
  readonly title: string;
  readonly producerIndex: number;
  readonly genre: string;
  readonly bpm: number;
  readonly key: string;
  readonly energy_level: string;
  readonly mood: string;
  readonly label_name: string;
  readonly status: TrackStatus;
  readonly is_vip: boolean;
  readonly vipWindow: readonly [number, number] | null;
  readonly created_date: string;
  readonly stats: { play_count: number; download_count: number; average_rating: number; rating_count: number };
}

const CATALOGUE_START = Date.parse('2025-03-01T09:00:00.000Z');
/** The one rejected track belongs to the demo producer (index 0 of the producers). */
export const REJECTED_INDEX = 8;

/** The demo catalogue's metadata, the same for the same generator state. */
export function planCatalogue(count: number, producerCount: number, random: Prng): TrackPlan[] {
  return Array.from({ length: count }, (_, index) => {
    const genre = GENRES[index % GENRES.length] as string;
    const [low, high] = BPM_RANGES[genre] ?? [120, 128];
    const status: TrackStatus = index === REJECTED_INDEX ? 'rejected' : index % 9 === 4 ? 'pending' : 'approved';
    const isVip = status === 'approved' && index % 7 === 2;
    return {
      index,
      title: `${random.pick(FIRST)} ${random.pick(SECOND)}`,
      producerIndex: index % producerCount,
      genre,
      bpm: random.int(low, high),
      key: random.pick(CAMELOT_KEYS),
      energy_level: random.pick(ENERGY_LEVELS),
      mood: random.pick(MOODS),
      label_name: random.pick(LABELS),
      status,
      is_vip: isVip,
      vipWindow: isVip ? (index % 2 === 0 ? [0, 15] : [10, 25]) : null,
      // Eleven hours apart, newest last: sorting by created_date is stable and meaningful.
      created_date: new Date(CATALOGUE_START + index * 11 * 3600 * 1000).toISOString(),
      stats: {
        play_count: status === 'approved' ? random.int(5, 900) : 0,
        download_count: status === 'approved' ? random.int(0, 200) : 0,
        average_rating: status === 'approved' ? Math.round((3 + random.next() * 2) * 10) / 10 : 0,
        rating_count: status === 'approved' ? random.int(1, 60) : 0,
      },
    };
  });
}
