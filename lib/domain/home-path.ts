import { canPublishTracks } from './capabilities';
import type { Role, UserType } from './enums';

/**
 * Where a member lands after signing in (and on `/`) when no page was asked for: the screen they
 * came for. Staff review uploads, producers follow their own tracks, DJs browse the promo pool.
 */
export function homePathFor(member: { role: Role; userType: UserType }): string {
  if (member.role === 'admin' || member.role === 'admin_readonly') return '/admin/review';
  if (canPublishTracks(member)) return '/my-tracks';
  return '/library';
}
