import type { ReactNode } from 'react';
import { warmUp } from '@/lib/base44';
import styles from './auth.module.css';

export default function AuthLayout({ children }: { children: ReactNode }) {
  warmUp();
  return (
    <main className={styles.page}>
      <div className={styles.card}>
        <p className={styles.brand}>
          SPYNNERS <span>Live Console</span>
        </p>
        {children}
      </div>
    </main>
  );
}
