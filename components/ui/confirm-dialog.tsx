'use client';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import styles from './ui.module.css';

/** A modal confirmation on the native <dialog> (focus trap, Escape and backdrop for free). */
export function ConfirmDialog({
  open, title, children, confirmLabel, onConfirm, onCancel, busy,
}: {
  open: boolean; title: string; children?: ReactNode; confirmLabel: string; onConfirm: () => void; onCancel: () => void; busy?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  // Unique per dialog: the header's sign-out confirm and a page's own may both be in the document.
  const titleId = useId();
  // Mounted only while open (unmounting closes it): a closed dialog's autoFocus button would still
  // be focused on mount, which forces a style recalculation in the middle of a screen's first render.
  useEffect(() => {
    const dialog = ref.current;
    if (open && dialog && !dialog.open) dialog.showModal();
  }, [open]);
  if (!open) return null;
  return (
    <dialog ref={ref} className={styles.dialog} aria-labelledby={titleId} onCancel={(e) => { e.preventDefault(); onCancel(); }}>
      <h2 id={titleId}>{title}</h2>
      {children}
      <div className={styles.dialogActions}>
        <button type="button" className="button" onClick={onCancel} autoFocus>
          Cancel
        </button>
        <button type="button" className={`button ${styles['button-danger']}`} onClick={onConfirm} disabled={busy}>
          {busy ? 'Working…' : confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
