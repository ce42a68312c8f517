'use client';
import styles from './ui.module.css';

export function Switch({ checked, onChange, label, disabled }: { checked: boolean; onChange: (checked: boolean) => void; label: string; disabled?: boolean }) {
  return (
    <button type="button" role="switch" aria-checked={checked} className={styles.switch} onClick={() => onChange(!checked)} disabled={disabled}>
      <span className={styles.switchTrack} aria-hidden />
      {label}
    </button>
  );
}
