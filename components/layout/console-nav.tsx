'use client';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import styles from './console-header.module.css';
import { IntentLink } from './intent-link';
import { navDensity, sectionsFor, type Member } from './nav-sections';

const ICON_PROPS = { viewBox: '0 0 24 24', width: 22, height: 22, 'aria-hidden': true, fill: 'none', stroke: 'currentColor', strokeWidth: 1.8, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;

const ICONS: Record<string, ReactNode> = {
  '/library': <svg {...ICON_PROPS}><path d="M9 18V5l11-2v13" /><circle cx="6" cy="18" r="3" /><circle cx="17" cy="16" r="3" /></svg>,
  '/console': <svg {...ICON_PROPS}><circle cx="7" cy="12" r="4.5" /><circle cx="17" cy="12" r="4.5" /><circle cx="7" cy="12" r="1" /><circle cx="17" cy="12" r="1" /></svg>,
  '/sessions': <svg {...ICON_PROPS}><circle cx="12" cy="12" r="9" /><circle cx="12" cy="12" r="3" /><path d="M12 3v3M21 12h-3" /></svg>,
  '/vip': <svg {...ICON_PROPS}><path d="M6 3h12l4 6-10 12L2 9z" /><path d="M2 9h20M12 21 8 9l4-6 4 6-4 12" /></svg>,
  '/playlists': <svg {...ICON_PROPS}><path d="M3 6h13M3 12h13M3 18h8" /><path d="M19 14v7M16 18h6" /></svg>,
  '/downloads': <svg {...ICON_PROPS}><path d="M12 3v12M7 10l5 5 5-5" /><path d="M4 17v3h16v-3" /></svg>,
  '/upload': <svg {...ICON_PROPS}><path d="M12 16V4M7 9l5-5 5 5" /><path d="M4 16v4h16v-4" /></svg>,
  '/my-tracks': <svg {...ICON_PROPS}><rect x="3" y="4" width="18" height="16" rx="2" /><path d="M7 9h10M7 13h10M7 17h6" /></svg>,
  '/stats': <svg {...ICON_PROPS}><path d="M4 20V10M10 20V4M16 20v-7M22 20H2" /></svg>,
  '/admin/review': <svg {...ICON_PROPS}><path d="M12 3 4 6v6c0 4.5 3.4 8.3 8 9 4.6-.7 8-4.5 8-9V6z" /><path d="m9 12 2 2 4-4" /></svg>,
};

/**
 * The main sections (the member's own profile is the avatar at the header's end). One list, two
 * layouts (CSS): in the header on screens with a pointer, every section labelled (see
 * console-header.module.css for when the labels move under the icons or give way to tooltips), a
 * bottom tab bar on narrow or touch-only screens (thumb reach on an iPad held in portrait).
 */
export function ConsoleNav({ member }: { member: Member }) {
  const pathname = usePathname();
  const items = sectionsFor(member);
  return (
    <nav className={styles.nav} aria-label="Main" data-items={navDensity(member)}>
      <ul>
        {items.map((item) => {
          const current = item.match(pathname);
          return (
            <li key={item.href}>
              <IntentLink href={item.href} title={item.label} aria-current={current ? 'page' : undefined} className={current ? styles.current : undefined}>
                {ICONS[item.href]}
                <span>{item.label}</span>
              </IntentLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
