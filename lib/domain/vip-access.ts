// Who may receive a track's whole audio. Shared by the audio route (server) and the player (UI),
// so the two never disagree about which tracks play in full.
import type { Role } from './enums';
import type { Track } from './types';

export interface Listener {
  userId: string;
  role: Role;
}

/**
 * A non-VIP track plays in full for everyone who can see it; a VIP track only for the members who
 * unlocked it, its producer, and admins (who review tracks). Everyone else gets the preview clip.
 */
export function mayPlayInFull(track: Pick<Track, 'isVip' | 'producerId'>, listener: Listener, unlocked: boolean): boolean {
  if (!track.isVip || unlocked) return true;
  if (track.producerId !== null && track.producerId === listener.userId) return true;
  return listener.role === 'admin' || listener.role === 'admin_readonly';
}

/** The same-origin URL of a VIP track's preview clip (its own small MP3, played from 0). */
export function vipPreviewUrl(trackId: string): string {
  return `/api/tracks/${encodeURIComponent(trackId)}/preview`;
}
