import type { TrackStatus } from '@/lib/domain/enums';
import styles from './stats.module.css';

const LABEL: Record<TrackStatus, string> = { approved: 'Approved', pending: 'Pending review', rejected: 'Rejected' };

export function StatusChip({ status }: { status: TrackStatus }) {
  return (
    <span className={`chip ${styles.status}`} data-status={status} data-testid="track-status">
      {LABEL[status]}
    </span>
  );
}
