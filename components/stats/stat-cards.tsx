import type { ReactNode } from 'react';
import styles from './stats.module.css';

/** Figures as cards; a `hint` says in a few words what the figure counts. */
export function StatCards({ items }: { items: Array<{ label: string; value: ReactNode; testId?: string; hint?: string }> }) {
  return (
    <dl className={styles.cards}>
      {items.map((item) => (
        <div key={item.label} className={styles.card}>
          <dt>{item.label}</dt>
          <dd data-testid={item.testId}>{item.value}</dd>
          {item.hint && <dd className={styles.cardHint}>{item.hint}</dd>}
        </div>
      ))}
    </dl>
  );
}

/** "4.3 (12 votes)", or a dash while nobody has rated. */
export function RatingValue({ average, count }: { average: number | null; count: number }) {
  if (average === null) return <>—</>;
  return (
    <>
      {average.toFixed(1)} <small>★ ({count} vote{count === 1 ? '' : 's'})</small>
    </>
  );
}
