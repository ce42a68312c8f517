'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import styles from './admin.module.css';

const TABS = [
  { href: '/admin/review', label: 'Review queue' },
  { href: '/admin/users', label: 'Members' },
];

export function AdminTabs() {
  const pathname = usePathname();
  return (
    <nav aria-label="Admin">
      <ul className={styles.tabs}>
        {TABS.map((tab) => (
          <li key={tab.href}>
            <Link href={tab.href} aria-current={pathname.startsWith(tab.href) ? 'page' : undefined}>{tab.label}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Shown to read-only admins: what they can and cannot do here. */
export function ReadOnlyNotice() {
  return (
    <p className={`alert alert-info ${styles.notice}`} data-testid="read-only-notice">
      Read-only access: you can look and listen, but only an administrator can approve, reject, change VIP settings or grant Black Diamonds.
    </p>
  );
}
