// What of the player survives a reload or a relaunch (iPadOS reloads a home-screen app it kept in
// the background): the tracks on the decks and in the mini player, where each stood, the cues, the
// tempo, key lock, faders, crossfader, the queue with shuffle and repeat. Never whether it played:
// everything comes back paused. Pure: the engine restores it, session-saver.ts decides when to write.
import { z } from 'zod';
import { DECK_IDS, type DeckId, type PlayerState, type PlayerTrack, type QueueState } from '../types';

export interface SavedDeck {
  track: PlayerTrack | null;
  position: number;
  cuePoint: number | null;
  hotCues: Array<number | null>;
  tempo: number;
  keyLock: boolean;
  gain: number;
}

export interface SavedPlayerSession {
  /** Whose decks these are: only that member's console restores them. */
  userId: string;
  savedAt: number;
  decks: Record<DeckId, SavedDeck>;
  crossfader: number;
  player: { track: PlayerTrack | null; position: number; volume: number; queue: QueueState };
}

export function toSavedSession(state: PlayerState, userId: string, savedAt: number): SavedPlayerSession {
  const deck = (id: DeckId): SavedDeck => {
    const { track, position, cuePoint, hotCues, tempo, keyLock, gain } = state.decks[id];
    return { track, position, cuePoint, hotCues, tempo, keyLock, gain };
  };
  const { track, position, volume, queue } = state.player;
  return { userId, savedAt, decks: { A: deck('A'), B: deck('B') }, crossfader: state.crossfader, player: { track, position, volume, queue } };
}

/** True when there is something to bring back (a track somewhere). */
export function hasTracks(session: SavedPlayerSession): boolean {
  return session.player.track !== null || session.player.queue.tracks.length > 0 || DECK_IDS.some((id) => session.decks[id].track !== null);
}

/**
 * How two saves of the same page differ: `none`; `playhead` when only the positions of playing
 * channels moved forward as playback moves them (written every few seconds); `change` for anything
 * else (a load, a seek, a cue, a fader, the queue: written soon).
 */
export type SessionDelta = 'none' | 'playhead' | 'change';

const POSITION_EPSILON = 0.05;
/** Top speed of a playhead (tempo +8 %) plus slack for timers: a bigger move is a seek. */
const PLAYBACK_SPEED_BOUND = 1.1;
const PLAYBACK_SLACK_SECONDS = 0.75;

export function compareSessions(before: SavedPlayerSession, after: SavedPlayerSession, playing: (id: DeckId | 'player') => boolean): SessionDelta {
  if (!sameSettings(before, after)) return 'change';
  const elapsed = Math.max(0, after.savedAt - before.savedAt) / 1000;
  let delta: SessionDelta = 'none';
  const positions: Array<[DeckId | 'player', number, number]> = [
    ['player', before.player.position, after.player.position],
    ...DECK_IDS.map((id): [DeckId, number, number] => [id, before.decks[id].position, after.decks[id].position]),
  ];
  for (const [id, from, to] of positions) {
    const moved = to - from;
    if (Math.abs(moved) < POSITION_EPSILON) continue;
    const asPlaybackMoves = playing(id) && moved > 0 && moved <= elapsed * PLAYBACK_SPEED_BOUND + PLAYBACK_SLACK_SECONDS;
    if (!asPlaybackMoves) return 'change';
    delta = 'playhead';
  }
  return delta;
}

function sameSettings(a: SavedPlayerSession, b: SavedPlayerSession): boolean {
  const deckSame = (id: DeckId) => {
    const x = a.decks[id];
    const y = b.decks[id];
    return x.track?.id === y.track?.id && x.cuePoint === y.cuePoint && x.tempo === y.tempo && x.keyLock === y.keyLock && x.gain === y.gain
      && x.hotCues.every((cue, slot) => cue === y.hotCues[slot]);
  };
  const qa = a.player.queue;
  const qb = b.player.queue;
  return a.crossfader === b.crossfader && a.player.volume === b.player.volume && a.player.track?.id === b.player.track?.id
    && qa.tracks === qb.tracks && qa.index === qb.index && qa.shuffle === qb.shuffle && qa.repeat === qb.repeat && qa.order === qb.order
    && DECK_IDS.every(deckSame);
}

// ---- reading back: a record from an older build or a damaged one is dropped, never half-applied ----

const seconds = z.number().finite().min(0);
const trackSchema: z.ZodType<PlayerTrack> = z.object({
  id: z.string().min(1),
  title: z.string(),
  artist: z.string(),
  producerId: z.string().nullable(),
  audioUrl: z.string().min(1),
  artworkUrl: z.string().nullable(),
  bpm: z.number().finite().nullable(),
  key: z.string().nullable(),
  durationSeconds: z.number().finite().nullable(),
  preview: z.object({ startSeconds: seconds, endSeconds: seconds }).nullable(),
});
const deckSchema = z.object({
  track: trackSchema.nullable(),
  position: seconds,
  cuePoint: seconds.nullable(),
  hotCues: z.array(seconds.nullable()).length(4),
  tempo: z.number().min(-0.08).max(0.08),
  keyLock: z.boolean(),
  gain: z.number().min(0).max(1),
});
const sessionSchema = z.object({
  userId: z.string().min(1),
  savedAt: z.number(),
  decks: z.object({ A: deckSchema, B: deckSchema }),
  crossfader: z.number().min(0).max(1),
  player: z.object({
    track: trackSchema.nullable(),
    position: seconds,
    volume: z.number().min(0).max(1),
    queue: z.object({
      tracks: z.array(trackSchema),
      index: z.number().int().min(-1),
      shuffle: z.boolean(),
      repeat: z.enum(['off', 'all', 'one']),
      order: z.array(z.number().int().min(0)),
    }).refine((q) => q.index < q.tracks.length && q.order.length === q.tracks.length && q.order.every((i) => i < q.tracks.length)),
  }),
});

/** The stored record if it is a whole, valid session of `userId`; null otherwise. */
export function parseSavedSession(value: unknown, userId: string): SavedPlayerSession | null {
  const parsed = sessionSchema.safeParse(value);
  return parsed.success && parsed.data.userId === userId ? parsed.data : null;
}
