'use client';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { canPublishTracks } from '@/lib/domain/capabilities';
import type { Role, UserType } from '@/lib/domain/enums';
import styles from './console-header.module.css';
import { IntentLink } from './intent-link';

const ICON_PROPS = { viewBox: '0 0 24 24', width: 22, height: 22, 'aria-hidden': true, fill: 'none', stroke: 'currentColor', strokeWidth: 1.8, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;

type Member = { role: Role; userType: UserType };

const isStaff = (member: Member) => member.role === 'admin' || member.role === 'admin_readonly';

const ITEMS: Array<{ href: string; label: string; match: (path: string) => boolean; icon: ReactNode; shownTo?: (member: Member) => boolean }> = [
  {
    href: '/library', label: 'Library', match: (p) => p.startsWith('/library') || p.startsWith('/tracks'),
    icon: <svg {...ICON_PROPS}><path d="M9 18V5l11-2v13" /><circle cx="6" cy="18" r="3" /><circle cx="17" cy="16" r="3" /></svg>,
  },
  {
    href: '/console', label: 'Decks', match: (p) => p.startsWith('/console'),
    icon: <svg {...ICON_PROPS}><circle cx="7" cy="12" r="4.5" /><circle cx="17" cy="12" r="4.5" /><circle cx="7" cy="12" r="1" /><circle cx="17" cy="12" r="1" /></svg>,
  },
  {
    href: '/sessions', label: 'Sets', match: (p) => p.startsWith('/sessions'),
    icon: <svg {...ICON_PROPS}><circle cx="12" cy="12" r="9" /><circle cx="12" cy="12" r="3" /><path d="M12 3v3M21 12h-3" /></svg>,
  },
  {
    href: '/vip', label: 'VIP', match: (p) => p.startsWith('/vip'),
    icon: <svg {...ICON_PROPS}><path d="M6 3h12l4 6-10 12L2 9z" /><path d="M2 9h20M12 21 8 9l4-6 4 6-4 12" /></svg>,
  },
  {
    href: '/playlists', label: 'Playlists', match: (p) => p.startsWith('/playlists'),
    icon: <svg {...ICON_PROPS}><path d="M3 6h13M3 12h13M3 18h8" /><path d="M19 14v7M16 18h6" /></svg>,
  },
  {
    href: '/downloads', label: 'Downloads', match: (p) => p.startsWith('/downloads'),
    icon: <svg {...ICON_PROPS}><path d="M12 3v12M7 10l5 5 5-5" /><path d="M4 17v3h16v-3" /></svg>,
  },
  {
    href: '/upload', label: 'Upload', match: (p) => p.startsWith('/upload'), shownTo: canPublishTracks,
    icon: <svg {...ICON_PROPS}><path d="M12 16V4M7 9l5-5 5 5" /><path d="M4 16v4h16v-4" /></svg>,
  },
  {
    href: '/my-tracks', label: 'My tracks', match: (p) => p.startsWith('/my-tracks'), shownTo: canPublishTracks,
    icon: <svg {...ICON_PROPS}><rect x="3" y="4" width="18" height="16" rx="2" /><path d="M7 9h10M7 13h10M7 17h6" /></svg>,
  },
  {
    href: '/stats', label: 'Stats', match: (p) => p.startsWith('/stats'),
    shownTo: (member) => canPublishTracks(member) || isStaff(member),
    icon: <svg {...ICON_PROPS}><path d="M4 20V10M10 20V4M16 20v-7M22 20H2" /></svg>,
  },
  {
    href: '/admin/review', label: 'Admin', match: (p) => p.startsWith('/admin'), shownTo: isStaff,
    icon: <svg {...ICON_PROPS}><path d="M12 3 4 6v6c0 4.5 3.4 8.3 8 9 4.6-.7 8-4.5 8-9V6z" /><path d="m9 12 2 2 4-4" /></svg>,
  },
  {
    href: '/profile', label: 'Profile', match: (p) => p.startsWith('/profile'),
    icon: <svg {...ICON_PROPS}><circle cx="12" cy="8" r="4" /><path d="M4 21c1.5-4 4.5-6 8-6s6.5 2 8 6" /></svg>,
  },
];

/**
 * The main sections. One list, two layouts (CSS): inline in the header on wide screens with a
 * pointer (icons alone when the labels would not fit), a bottom tab bar on narrow or touch-only
 * screens (thumb reach on an iPad held in portrait).
 */
export function ConsoleNav({ member }: { member: Member }) {
  const pathname = usePathname();
  const items = ITEMS.filter((item) => !item.shownTo || item.shownTo(member));
  return (
    <nav className={styles.nav} aria-label="Main" data-items={items.length > 8 ? 'many' : 'few'}>
      <ul>
        {items.map((item) => {
          const current = item.match(pathname);
          return (
            <li key={item.href}>
              <IntentLink href={item.href} title={item.label} aria-current={current ? 'page' : undefined} className={current ? styles.current : undefined}>
                {item.icon}
                <span>{item.label}</span>
              </IntentLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
