import type { Metadata } from 'next';
import Link from 'next/link';
import { RetryButton } from '@/components/pwa/retry-button';
import styles from './offline.module.css';

// Precached by the service worker and shown for a navigation with neither network nor a saved copy
// (a screen never opened on this device, or a track page not visited yet). No session. Rendered per
// request like every page (its scripts need the request's CSP nonce): the precached copy keeps the
// Content-Security-Policy header it was answered with, so its nonce and its policy still agree.
export const metadata: Metadata = { title: 'Offline' };

const SAVED = [
  { href: '/library', label: 'Library' },
  { href: '/playlists', label: 'Playlists' },
  { href: '/vip', label: 'VIP' },
  { href: '/downloads', label: 'Downloads' },
  { href: '/profile', label: 'Profile' },
];

export default function OfflinePage() {
  return (
    <main className={styles.page}>
      <section className={styles.card} aria-labelledby="offline-title" data-offline-page>
        <p className={styles.brand}>
          SPYNNERS <span>Live Console</span>
        </p>
        <h1 id="offline-title">You’re offline</h1>
        <p className="muted">
          The console can’t reach its server, and this screen hasn’t been saved on this device yet. Screens
          you have opened before, and the tracks you downloaded, still work.
        </p>
        <nav aria-label="Saved screens">
          <ul className={styles.links}>
            {SAVED.map((item) => (
              <li key={item.href}>
                <Link href={item.href} prefetch={false} className="button">
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <RetryButton />
      </section>
    </main>
  );
}
