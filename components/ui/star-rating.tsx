'use client';
import styles from './ui.module.css';

const STAR_PATH = 'M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z';

/** Five radio buttons drawn as stars: arrow keys move, Space / Enter / tap choose. */
export function StarRating({ value, onChange, label, disabled }: { value: number | null; onChange: (stars: number) => void; label: string; disabled?: boolean }) {
  return (
    <fieldset className={styles.stars} aria-disabled={disabled || undefined}>
      <legend>{label}</legend>
      {[1, 2, 3, 4, 5].map((stars) => (
        <label key={stars} className={`${styles.star} ${value !== null && stars <= value ? styles.on : ''}`} title={`${stars} star${stars > 1 ? 's' : ''}`}>
          <input
            type="radio"
            name={label}
            value={stars}
            checked={value === stars}
            aria-label={`${stars} star${stars > 1 ? 's' : ''}`}
            onChange={() => !disabled && onChange(stars)}
          />
          <svg viewBox="0 0 24 24" aria-hidden>
            <path d={STAR_PATH} />
          </svg>
        </label>
      ))}
    </fieldset>
  );
}
