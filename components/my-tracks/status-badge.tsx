import type { TrackStatus } from '@/lib/domain/enums';
import styles from './my-tracks.module.css';

const LABELS: Record<TrackStatus, string> = { pending: 'Pending review', approved: 'Approved', rejected: 'Rejected' };

export function StatusBadge({ status }: { status: TrackStatus }) {
  return <span className={`chip ${styles.status}`} data-status={status} data-testid="track-status">{LABELS[status]}</span>;
}
