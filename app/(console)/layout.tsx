import { redirect } from 'next/navigation';
import { Suspense, type ReactNode } from 'react';
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
        {/* Each boundary hydrates in a task of its own, at low priority and in slices (React's
            selective hydration), instead of one long task for the whole shell. */}
        <Suspense>
          <ConsoleHeader userId={user.id} userName={user.name ?? user.email ?? 'You'} role={user.role} userType={user.userType} />
        </Suspense>
        <main className={styles.main}>
          <Suspense>
            <PwaRoot />
            <OutboxRoot userId={user.id} />
            <DownloadsOwner userId={user.id} />
          </Suspense>
          {children}
        </main>
        <Suspense>
          <MiniPlayer userId={user.id} />
        </Suspense>
      </div>
    </Providers>
  );
}
