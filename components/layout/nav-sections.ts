import { canPublishTracks } from '@/lib/domain/capabilities';
import type { Role, UserType } from '@/lib/domain/enums';

// The console's main sections and who sees which: read by the nav (client) and the header (server).

export type Member = { role: Role; userType: UserType };

export interface NavSection {
  href: string;
  label: string;
  match: (path: string) => boolean;
  shownTo?: (member: Member) => boolean;
}

const isStaff = (member: Member) => member.role === 'admin' || member.role === 'admin_readonly';

const SECTIONS: readonly NavSection[] = [
  { href: '/library', label: 'Library', match: (p) => p.startsWith('/library') || p.startsWith('/tracks') },
  { href: '/console', label: 'Decks', match: (p) => p.startsWith('/console') },
  { href: '/sessions', label: 'Sets', match: (p) => p.startsWith('/sessions') },
  { href: '/vip', label: 'VIP', match: (p) => p.startsWith('/vip') },
  { href: '/playlists', label: 'Playlists', match: (p) => p.startsWith('/playlists') },
  { href: '/downloads', label: 'Downloads', match: (p) => p.startsWith('/downloads') },
  { href: '/upload', label: 'Upload', match: (p) => p.startsWith('/upload'), shownTo: canPublishTracks },
  { href: '/my-tracks', label: 'My tracks', match: (p) => p.startsWith('/my-tracks'), shownTo: canPublishTracks },
  { href: '/stats', label: 'Stats', match: (p) => p.startsWith('/stats'), shownTo: (member) => canPublishTracks(member) || isStaff(member) },
  { href: '/admin/review', label: 'Admin', match: (p) => p.startsWith('/admin'), shownTo: isStaff },
];

export function sectionsFor(member: Member): NavSection[] {
  return SECTIONS.filter((section) => !section.shownTo || section.shownTo(member));
}

/** Producers and admins have more sections than DJs: the header gives them more of its room. */
export const navDensity = (member: Member): 'many' | 'few' => (sectionsFor(member).length > 7 ? 'many' : 'few');
