// From the domain Track to what the player plays, with the VIP rule decided once, here.
import type { Track } from '@/lib/domain/types';
import type { PlayerTrack } from './types';

/**
 * `locked` is true for a VIP track this DJ has not unlocked (and true while that is unknown: see
 * isLockedVip). A locked track plays only its preview window; with no preview it cannot play (null),
 * nor can a track without audio.
 */
export function toPlayerTrack(track: Track, locked: boolean): PlayerTrack | null {
  if (!track.audioUrl) return null;
  if (locked && !track.vipPreview) return null;
  return {
    id: track.id,
    title: track.title,
    artist: track.artist,
    producerId: track.producerId,
    audioUrl: track.audioUrl,
    artworkUrl: track.artworkUrl,
    bpm: track.bpm,
    key: track.key,
    durationSeconds: track.durationSeconds,
    preview: locked ? track.vipPreview : null,
  };
}
