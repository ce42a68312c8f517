import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { ConsoleHeader } from '@/components/layout/console-header';
import { DownloadsOwner } from '@/components/downloads/downloads-owner';
import { MiniPlayer } from '@/components/player/mini-player';
import { Providers } from '@/components/providers';
import { PwaRoot } from '@/components/pwa/pwa-root';
import { OutboxRoot } from '@/components/sessions/outbox-root';
import { getSessionUser } from '@/lib/auth/session';
import styles from './console.module.css';

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  if (!user) redirect('/sign-in');
  return (
    <Providers userId={user.id}>
      <div className={styles.shell} data-app-ready-scope>
        <ConsoleHeader userId={user.id} userName={user.name ?? user.email ?? 'You'} role={user.role} userType={user.userType} />
        <main className={styles.main}>
          <PwaRoot />
          <OutboxRoot userId={user.id} />
          <DownloadsOwner userId={user.id} />
          {children}
        </main>
        <MiniPlayer userId={user.id} />
      </div>
    </Providers>
  );
}
