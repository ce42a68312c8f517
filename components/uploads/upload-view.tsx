'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { meOptions } from '@/lib/query/profile';
import { DropZone } from './drop-zone';
import { UploadCard } from './upload-card';
import { isRefused, uploadSummary, type UploadSummary } from './upload-state';
import { useUploadQueue, type Rejected } from './use-upload-queue';
import styles from './uploads.module.css';

/** The producer's upload screen: many files at once, each with its form, progress and retry. */
export function UploadView({ limitBytes }: { limitBytes: number }) {
  const me = useQuery(meOptions());
  const defaults = useMemo(() => ({ artist: me.data?.artistName ?? me.data?.fullName ?? '' }), [me.data]);
  const queue = useUploadQueue({ limitBytes, defaults });
  const [rejected, setRejected] = useState<Rejected[]>([]);
  const { items } = queue;
  // Every count is derived from the items on screen, never kept aside: removing a file, fixing a
  // field or retrying an upload updates them all at once.
  const summary = uploadSummary(items);
  const unsent = items.filter((item) => item.submit !== 'sent' && !isRefused(item));
  // Tags still being read would land after the check: wait for them.
  const reading = unsent.some((item) => item.tags === 'reading');
  const notice = summary.needsFix > 0 ? `${summary.needsFix} track${summary.needsFix === 1 ? ' needs' : 's need'} a fix: see the highlighted fields` : '';

  return (
    <section className={styles.page} aria-labelledby="upload-title" data-app-ready="true">
      <div className={styles.heading}>
        <h1 id="upload-title">Upload tracks</h1>
        <Link href="/my-tracks" className="button button-ghost">My tracks</Link>
      </div>
      <DropZone limitBytes={limitBytes} onFiles={(files) => void queue.addFiles(files).then(setRejected)} />
      {rejected.length > 0 && (
        <ul className={`alert alert-error ${styles.rejected}`} data-testid="rejected-files">
          {rejected.map((file) => <li key={file.name}><strong>{file.name}</strong>: {file.reason}</li>)}
        </ul>
      )}
      {items.length > 0 && (
        <>
          <div className={styles.overall} data-testid="overall-progress">
            <div className={styles.transferText}>
              <span>{describeSummary(summary)}</span>
              {summary.files > 0 && <span className="muted">{summary.percent}%</span>}
            </div>
            {summary.files > 0 && (
              <progress
                className={styles.progress} max={100} value={summary.percent} aria-label="All uploads"
                data-state={summary.uploaded === summary.files ? 'done' : summary.failed > 0 ? 'failed' : 'uploading'}
              />
            )}
          </div>
          <ol className={styles.cards}>
            {items.map((item) => <UploadCard key={item.id} item={item} actions={queue} />)}
          </ol>
          <div className={styles.actionBar}>
            <span role="status" className={notice ? 'field-error' : 'muted'}>
              {notice || idleMessage(summary, unsent.length)}
            </span>
            <button type="button" className="button button-primary" onClick={() => queue.submitAll()} disabled={unsent.length === 0 || reading}>
              {reading ? 'Reading tags…' : `Send ${unsent.length} track${unsent.length === 1 ? '' : 's'} for review`}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

/** "2 of 3 uploaded, 1 failed, 1 refused, 1 sent for review" */
function describeSummary(summary: UploadSummary): string {
  const parts = [
    summary.files > 0 ? `${summary.uploaded} of ${summary.files} uploaded` : 'Nothing to upload',
    summary.failed > 0 ? `${summary.failed} failed` : null,
    summary.refused > 0 ? `${summary.refused} refused` : null,
    summary.sent > 0 ? `${summary.sent} sent for review` : null,
  ];
  return parts.filter(Boolean).join(', ');
}

function idleMessage(summary: UploadSummary, unsent: number): string {
  if (unsent > 0) return 'New tracks are reviewed before DJs see them.';
  if (summary.sent > 0 && summary.sent === summary.files) return 'Everything is sent for review.';
  return 'Remove the refused files, or add tracks to send.';
}
