// From the domain Track to what the player plays, with the VIP rule decided once, here.
import type { Track } from '@/lib/domain/types';
import { vipPreviewUrl } from '@/lib/domain/vip-access';
import type { PlayerTrack } from './types';

/**
 * `locked` is true for a VIP track this DJ has not unlocked (and true while that is unknown: see
 * isLockedVip). A locked track plays only its preview: the server refuses its full audio (403
 * `vip_locked`) and serves the window as its own clip (`/api/tracks/:id/preview`, lib/base44/README.md
 * "VIP previews"), so its audio is the clip and its window is the clip's time, 0 to the window's
 * length. With no preview it cannot play (null), nor can a track without audio.
 */
export function toPlayerTrack(track: Track, locked: boolean): PlayerTrack | null {
  if (!track.audioUrl) return null;
  if (locked && !track.vipPreview) return null;
  const preview = locked ? track.vipPreview : null;
  return {
    id: track.id,
    title: track.title,
    artist: track.artist,
    producerId: track.producerId,
    audioUrl: preview ? vipPreviewUrl(track.id) : track.audioUrl,
    artworkUrl: track.artworkUrl,
    bpm: track.bpm,
    key: track.key,
    durationSeconds: preview ? preview.endSeconds - preview.startSeconds : track.durationSeconds,
    preview: preview ? { startSeconds: 0, endSeconds: preview.endSeconds - preview.startSeconds } : null,
  };
}
