import type { ReactNode } from 'react';
import styles from './ui.module.css';

export function LoadingState({ children }: { children: ReactNode }) {
  return (
    <p className={styles.loading} role="status">
      <span className={styles.spinner} aria-hidden />
      {children}
    </p>
  );
}

/** An error with what happened and, when it can help, a retry. Marks the content ready for tests. */
export function ErrorState({ error, onRetry, children }: { error: Error; onRetry?: () => void; children?: ReactNode }) {
  return (
    <div role="alert" className={`alert alert-error ${styles.state}`} data-app-ready="true">
      <p>{error.message}</p>
      {children}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className={`alert alert-info ${styles.state}`}>
      <p>
        <strong>{title}</strong>
      </p>
      {children}
    </div>
  );
}
