// Synthetic, deterministic data shaped like the console's query cache (lib/domain/types.ts).
import { CAMELOT_KEYS, ENERGY_LEVELS, GENRES } from '../../lib/domain/enums';
import type { Page, Track, User } from '../../lib/domain/types';

function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const WORDS = ['Midnight', 'Pulse', 'Echo', 'Velvet', 'Drift', 'Neon', 'Solace', 'Orbit', 'Ritual', 'Haze', 'Signal', 'Ember'];

export function syntheticTracks(count: number, seed = 42): Track[] {
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const day = (offset: number) => new Date(Date.UTC(2025, 0, 1) + offset * 86_400_000).toISOString();
  return Array.from({ length: count }, (_, i): Track => {
    const id = `trk_${i.toString(36).padStart(6, '0')}${Math.floor(rand() * 1e6).toString(36)}`;
    return {
      id,
      title: `${pick(WORDS)} ${pick(WORDS)}${rand() < 0.3 ? ` (${pick(WORDS)} Remix)` : ''}`,
      artist: `${pick(WORDS)} ${pick(['Collective', 'Sound', 'DJ', 'Unit'])}`,
      producerId: `usr_${Math.floor(rand() * 500)}`,
      collaborators: rand() < 0.2 ? `${pick(WORDS)} & ${pick(WORDS)}` : null,
      genre: pick(GENRES),
      bpm: 100 + Math.floor(rand() * 60),
      key: pick(CAMELOT_KEYS),
      energy: pick(ENERGY_LEVELS),
      mood: rand() < 0.5 ? pick(['dark', 'uplifting', 'hypnotic', 'groovy']) : null,
      description: rand() < 0.4 ? `A ${pick(WORDS).toLowerCase()} cut for late sets, built around a ${pick(WORDS).toLowerCase()} bassline.` : null,
      labelName: rand() < 0.6 ? `${pick(WORDS)} Records` : null,
      artworkUrl: `/api/tracks/${id}/artwork`,
      audioUrl: `/api/tracks/${id}/audio`,
      durationSeconds: 240 + Math.floor(rand() * 300),
      isrc: rand() < 0.5 ? `FR-X${Math.floor(rand() * 1e9)}` : null,
      iswc: null,
      status: 'approved',
      rejectionReason: null,
      playCount: Math.floor(rand() * 5000),
      downloadCount: Math.floor(rand() * 800),
      averageRating: rand() < 0.7 ? Math.round(rand() * 40 + 10) / 10 : null,
      ratingCount: Math.floor(rand() * 120),
      releaseDate: rand() < 0.6 ? day(Math.floor(rand() * 600)) : null,
      isUnreleased: rand() < 0.3,
      isVip: rand() < 0.1,
      vipRequested: false,
      vipPreview: rand() < 0.1 ? { startSeconds: 30, endSeconds: 90 } : null,
      rightsConfirmed: true,
      freeDownloadAuthorized: rand() < 0.5,
      createdAt: day(Math.floor(rand() * 600)),
      updatedAt: day(600 + Math.floor(rand() * 30)),
    };
  });
}

export function syntheticMe(): User {
  return {
    id: 'usr_bench', email: 'dj@spynners.local', fullName: 'Bench DJ', artistName: 'DJ Bench', role: 'user',
    userType: 'dj', bio: 'Plays long sets.', avatarUrl: null, nationality: 'FR', instagramUrl: null,
    soundcloudUrl: null, beatportUrl: null, sacemNumber: null, blackDiamonds: 3, preferredGenres: ['Techno', 'House'],
    createdAt: '2025-01-01T00:00:00.000Z',
  };
}

/**
 * The console's cache after a session: the whole catalogue (the offline search index's source,
 * 10 000 tracks), a few list queries of 2 pages of 50, 20 track details and the own profile.
 */
export function syntheticCache(trackCount = 10_000): Array<{ queryKey: unknown[]; data: unknown; infinite?: boolean }> {
  const tracks = syntheticTracks(trackCount);
  const entries: Array<{ queryKey: unknown[]; data: unknown; infinite?: boolean }> = [
    { queryKey: ['catalogue'], data: { tracks, generatedAt: '2026-03-01T20:00:00.000Z' } },
    { queryKey: ['me'], data: syntheticMe() },
  ];
  for (const [i, genre] of ['Techno', 'House', 'Afro House', 'Trance'].entries()) {
    const pages: Array<Page<Track>> = [1, 2].map((page) => ({
      items: tracks.slice(i * 100 + (page - 1) * 50, i * 100 + page * 50),
      total: 2000,
      page,
      pageSize: 50,
    }));
    entries.push({ queryKey: ['tracks', 'list', { genre }], data: { pages, pageParams: [1, 2] }, infinite: true });
  }
  for (const track of tracks.slice(0, 20)) entries.push({ queryKey: ['tracks', 'detail', track.id], data: track });
  return entries;
}
