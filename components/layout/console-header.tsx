import Link from 'next/link';
import type { Role } from '@/lib/domain/enums';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { ConsoleNav } from './console-nav';
import styles from './console-header.module.css';

export function ConsoleHeader({ userName, role }: { userName: string; role: Role }) {
  return (
    <header className={styles.header}>
      <Link href="/library" className={styles.brand}>
        SPYNNERS <span>Live</span>
      </Link>
      <ConsoleNav />
      <div className={styles.account}>
        <span className={styles.user} data-testid="signed-in-user">
          {userName}
          {role === 'admin' && <span className="chip">Admin</span>}
        </span>
        <SignOutButton />
      </div>
    </header>
  );
}
