import type { ReactNode } from 'react';
import { requireSessionUser } from '@/lib/auth/session';
import { AdminTabs, ReadOnlyNotice } from './admin-tabs';
import styles from './admin.module.css';

/**
 * The frame of every admin screen, checked on the server: members who are not admins get a
 * refusal (the API refuses them too), read-only admins a notice; `children` gets whether the
 * viewer may act.
 */
export async function AdminPage({ title, path, children }: { title: string; path: string; children: (canAct: boolean) => ReactNode }) {
  const user = await requireSessionUser(path);
  if (user.role !== 'admin' && user.role !== 'admin_readonly') {
    return (
      <section className={styles.page} data-app-ready="true">
        <h1>{title}</h1>
        <p className="alert alert-error" data-testid="forbidden">Only SPYNNERS administrators can open this page.</p>
      </section>
    );
  }
  const canAct = user.role === 'admin';
  return (
    <section className={styles.page} aria-labelledby="admin-title">
      <div className={styles.heading}>
        <h1 id="admin-title">{title}</h1>
        <AdminTabs />
      </div>
      {!canAct && <ReadOnlyNotice />}
      {children(canAct)}
    </section>
  );
}
