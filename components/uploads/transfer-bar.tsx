import type { Transfer, Which } from './upload-state';
import styles from './uploads.module.css';

const STATUS_TEXT: Record<Transfer['status'], string> = {
  uploading: 'Uploading',
  done: 'Uploaded',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** One file's progress, with cancel while it runs and retry when it failed or was cancelled (unless retrying cannot help). */
export function TransferBar({
  label, transfer, which, onCancel, onRetry,
}: {
  label: string; transfer: Transfer; which: Which; onCancel: (which: Which) => void; onRetry: (which: Which) => void;
}) {
  const percent = transfer.total > 0 ? Math.round((100 * (transfer.status === 'done' ? transfer.total : transfer.loaded)) / transfer.total) : 0;
  return (
    <div className={styles.transfer} data-testid={`transfer-${which}`} data-status={transfer.status}>
      <div className={styles.transferText}>
        <span>{label}</span>
        <span className={transfer.status === 'failed' ? 'field-error' : 'muted'} role={transfer.status === 'failed' ? 'alert' : undefined}>
          {transfer.status === 'failed' ? `Failed: ${transfer.error}` : `${STATUS_TEXT[transfer.status]}${transfer.status === 'uploading' ? ` ${percent}%` : ''}`}
        </span>
      </div>
      <progress className={styles.progress} max={100} value={percent} aria-label={`${label} upload`} data-state={transfer.status} />
      {transfer.status === 'uploading' && (
        <button type="button" className="button button-ghost" onClick={() => onCancel(which)}>Cancel</button>
      )}
      {(transfer.status === 'failed' || transfer.status === 'cancelled') && transfer.retryable && (
        <button type="button" className="button" onClick={() => onRetry(which)}>Retry</button>
      )}
    </div>
  );
}
