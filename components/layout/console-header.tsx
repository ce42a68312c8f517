import type { Role, UserType } from '@/lib/domain/enums';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { OutboxStatusChip } from '@/components/sessions/outbox-status';
import { OfflineBanner } from '@/components/status/offline-banner';
import { AccountLink } from './account-link';
import { ConsoleNav } from './console-nav';
import { IntentLink } from './intent-link';
import { navDensity } from './nav-sections';
import styles from './console-header.module.css';

export function ConsoleHeader({ userId, userName, role, userType }: { userId: string; userName: string; role: Role; userType: UserType }) {
  return (
    <header className={styles.header} data-items={navDensity({ role, userType })}>
      <IntentLink href="/library" className={styles.brand}>
        SPYNNERS <span>Live</span>
      </IntentLink>
      <ConsoleNav member={{ role, userType }} />
      <div className={styles.account}>
        {/* In the header's own room: a status pill never covers the page or the mini player. */}
        <OfflineBanner />
        <OutboxStatusChip userId={userId} />
        <AccountLink userName={userName} role={role} />
        <SignOutButton userId={userId} />
      </div>
    </header>
  );
}
