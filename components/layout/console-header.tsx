import type { Role, UserType } from '@/lib/domain/enums';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { OutboxStatusChip } from '@/components/sessions/outbox-status';
import { OfflineBanner } from '@/components/status/offline-banner';
import { ConsoleNav } from './console-nav';
import { IntentLink } from './intent-link';
import styles from './console-header.module.css';

export function ConsoleHeader({ userId, userName, role, userType }: { userId: string; userName: string; role: Role; userType: UserType }) {
  return (
    <header className={styles.header}>
      <IntentLink href="/library" className={styles.brand}>
        SPYNNERS <span>Live</span>
      </IntentLink>
      <ConsoleNav member={{ role, userType }} />
      <div className={styles.account}>
        {/* In the header's own room: a status pill never covers the page or the mini player. */}
        <OfflineBanner />
        <OutboxStatusChip userId={userId} />
        <span className={styles.user} data-testid="signed-in-user">
          {userName}
          {role === 'admin' && <span className="chip">Admin</span>}
          {role === 'admin_readonly' && <span className="chip">Admin (read-only)</span>}
        </span>
        <SignOutButton userId={userId} />
      </div>
    </header>
  );
}
