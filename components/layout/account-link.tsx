'use client';
import { useQuery } from '@tanstack/react-query';
import { usePathname } from 'next/navigation';
import type { Role } from '@/lib/domain/enums';
import { meOptions } from '@/lib/query/profile';
import { MemberAvatar } from '@/components/ui/member-avatar';
import { IntentLink } from './intent-link';
import styles from './console-header.module.css';

/**
 * The member's way to their profile: their photo (or initials) and name. The photo comes from the
 * member's own profile query, so a new one shows here the moment it is saved.
 */
export function AccountLink({ userName, role }: { userName: string; role: Role }) {
  const pathname = usePathname();
  const me = useQuery(meOptions());
  const current = pathname.startsWith('/profile');
  return (
    <IntentLink
      href="/profile" title="Your profile" aria-label={`Profile: ${userName}`} data-testid="profile-link"
      aria-current={current ? 'page' : undefined} className={current ? `${styles.profile} ${styles.current}` : styles.profile}
    >
      <MemberAvatar url={me.data?.avatarUrl} name={userName} size={32} />
      <span className={styles.user} data-testid="signed-in-user">
        {userName}
        {role === 'admin' && <span className="chip">Admin</span>}
        {role === 'admin_readonly' && <span className="chip">Admin (read-only)</span>}
      </span>
    </IntentLink>
  );
}
