'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { meOptions } from '@/lib/query/profile';
import { DropZone } from './drop-zone';
import { UploadCard } from './upload-card';
import { overallProgress, uploadsComplete } from './upload-state';
import { useUploadQueue, type Rejected } from './use-upload-queue';
import styles from './uploads.module.css';

/** The producer's upload screen: many files at once, each with its form, progress and retry. */
export function UploadView({ limitBytes }: { limitBytes: number }) {
  const me = useQuery(meOptions());
  const defaults = useMemo(() => ({ artist: me.data?.artistName ?? me.data?.fullName ?? '' }), [me.data]);
  const queue = useUploadQueue({ limitBytes, defaults });
  const [rejected, setRejected] = useState<Rejected[]>([]);
  const [notice, setNotice] = useState('');
  const { items } = queue;
  const progress = overallProgress(items);
  const percent = progress.total > 0 ? Math.round((100 * progress.loaded) / progress.total) : 0;
  const unsent = items.filter((item) => item.submit !== 'sent');
  const sent = items.length - unsent.length;
  const uploaded = items.filter(uploadsComplete).length;
  // Tags still being read would land after the check: wait for them.
  const reading = unsent.some((item) => item.tags === 'reading');

  const submit = () => {
    const valid = queue.submitAll();
    const invalid = unsent.length - valid;
    setNotice(invalid > 0 ? `${invalid} track${invalid === 1 ? ' needs' : 's need'} a fix: see the highlighted fields` : '');
  };

  return (
    <section className={styles.page} aria-labelledby="upload-title" data-app-ready="true">
      <div className={styles.heading}>
        <h1 id="upload-title">Upload tracks</h1>
        <Link href="/my-tracks" className="button button-ghost">My tracks</Link>
      </div>
      <DropZone limitBytes={limitBytes} onFiles={(files) => setRejected(queue.addFiles(files))} />
      {rejected.length > 0 && (
        <ul className={`alert alert-error ${styles.rejected}`} data-testid="rejected-files">
          {rejected.map((file) => <li key={file.name}><strong>{file.name}</strong>: {file.reason}</li>)}
        </ul>
      )}
      {items.length > 0 && (
        <>
          <div className={styles.overall} data-testid="overall-progress">
            <div className={styles.transferText}>
              <span>{uploaded} of {items.length} uploaded{sent > 0 ? `, ${sent} sent for review` : ''}</span>
              <span className="muted">{percent}%</span>
            </div>
            <progress className={styles.progress} max={100} value={percent} aria-label="All uploads" />
          </div>
          <ol className={styles.cards}>
            {items.map((item) => <UploadCard key={item.id} item={item} actions={queue} />)}
          </ol>
          <div className={styles.actionBar}>
            <span role="status" className={notice ? 'field-error' : 'muted'}>
              {notice || (unsent.length === 0 ? 'Everything is sent for review.' : 'New tracks are reviewed before DJs see them.')}
            </span>
            <button type="button" className="button button-primary" onClick={submit} disabled={unsent.length === 0 || reading}>
              {reading ? 'Reading tags…' : `Send ${unsent.length} track${unsent.length === 1 ? '' : 's'} for review`}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
