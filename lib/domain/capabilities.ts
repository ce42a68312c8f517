import type { Role, UserType } from './enums';

/** Profile types that publish tracks to the promo pool. */
const PUBLISHING_TYPES: ReadonlySet<UserType> = new Set(['producer', 'dj_producer', 'label']);

/** Producers, DJ-producers and labels upload and manage their own tracks; admins may too. */
export function canPublishTracks(member: { role: Role; userType: UserType }): boolean {
  return member.role === 'admin' || PUBLISHING_TYPES.has(member.userType);
}
