'use client';
import Link from 'next/link';
import { useRef } from 'react';
import { TrackMetadataFields } from '@/components/track-metadata/track-metadata-fields';
import { formatDuration } from '@/lib/format/duration';
import { acceptAttribute } from '@/lib/uploads/formats';
import type { DraftField } from '@/lib/uploads/draft';
import { TransferBar } from './transfer-bar';
import { isRefused, type Artwork, type UploadItem, type Which } from './upload-state';
import styles from './uploads.module.css';

const BPM_HINT: Record<NonNullable<UploadItem['bpmSource']>, string> = {
  tag: 'From the file\'s tags',
  estimating: 'Estimating from the audio…',
  estimated: 'Estimated from the audio: check it',
  unknown: 'Could not be estimated',
};

export interface UploadCardActions {
  edit: (id: string, field: DraftField, value: string | boolean) => void;
  cancel: (id: string, which: Which) => void;
  retry: (id: string, which: Which) => void;
  remove: (id: string) => void;
  setArtwork: (id: string, artwork: Artwork | null) => void;
  artworkOf: (blob: Blob, name: string, source: Artwork['source']) => Artwork;
}

export function UploadCard({ item, actions }: { item: UploadItem; actions: UploadCardActions }) {
  if (isRefused(item)) return <RefusedCard item={item} onRemove={() => actions.remove(item.id)} />;
  return <EditableCard item={item} actions={actions} />;
}

/** A file the console will not upload: its name, why, and Remove (no form, no Retry). */
function RefusedCard({ item, onRemove }: { item: UploadItem; onRemove: () => void }) {
  return (
    <li className={`${styles.card} ${styles.refused}`} data-testid="upload-card" data-file={item.file.name} data-submit="refused" aria-label={item.file.name}>
      <div className={styles.refusedText}>
        <p className={styles.fileName} title={item.file.name}>{item.file.name}</p>
        <p className="field-error" role="alert" data-testid="refusal">Refused: {item.audio.error}</p>
      </div>
      <button type="button" className="button" onClick={onRemove} aria-label={`Remove ${item.file.name}`}>Remove</button>
    </li>
  );
}

function EditableCard({ item, actions }: { item: UploadItem; actions: UploadCardActions }) {
  const artworkInput = useRef<HTMLInputElement>(null);
  const sent = item.submit === 'sent';
  const busy = item.submit === 'sending';
  const cancel = (which: Which) => actions.cancel(item.id, which);
  const retry = (which: Which) => actions.retry(item.id, which);
  return (
    <li className={styles.card} data-testid="upload-card" data-file={item.file.name} data-submit={item.submit} aria-label={item.file.name}>
      <div className={styles.cardSide}>
        <div className={styles.artwork}>
          {item.artwork ? (
            // eslint-disable-next-line @next/next/no-img-element -- a local blob: preview
            <img src={item.artwork.previewUrl} alt={`Artwork of ${item.draft.title || item.file.name}`} />
          ) : (
            <span className="muted">No artwork</span>
          )}
        </div>
        {!sent && (
          <div className={styles.artworkActions}>
            {/* A real button (a label around a hidden input takes no keyboard focus). */}
            <button type="button" className="button" onClick={() => artworkInput.current?.click()}>
              {item.artwork ? 'Change artwork' : 'Add artwork'}
            </button>
            <input
              ref={artworkInput} type="file" hidden tabIndex={-1} accept={acceptAttribute('artwork')}
              aria-label={`Artwork for ${item.draft.title || item.file.name}`}
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) actions.setArtwork(item.id, actions.artworkOf(file, file.name, 'chosen'));
              }}
            />
            {item.artwork && (
              <button type="button" className="button button-ghost" onClick={() => actions.setArtwork(item.id, null)}>Remove artwork</button>
            )}
          </div>
        )}
        <p className={styles.fileName} title={item.file.name}>{item.file.name}</p>
        <p className="muted" data-testid="tag-summary">
          {item.tags === 'reading' && 'Reading tags…'}
          {item.tags === 'unreadable' && 'No readable tags'}
          {item.tags === 'read' && [
            item.durationSeconds ? formatDuration(item.durationSeconds) : null,
            item.album ? `Album: ${item.album}` : null,
            item.artwork?.source === 'tags' ? 'artwork from tags' : null,
          ].filter(Boolean).join(' · ')}
        </p>
        <TransferBar label="Audio" transfer={item.audio} which="audio" onCancel={cancel} onRetry={retry} />
        {item.cover && <TransferBar label="Artwork" transfer={item.cover} which="cover" onCancel={cancel} onRetry={retry} />}
      </div>
      <div className={styles.cardMain}>
        {sent ? (
          <p className={styles.sent} role="status">
            <strong>{item.draft.title}</strong> is sent for review (pending). <Link href="/my-tracks">See it in My tracks</Link>
          </p>
        ) : (
          <>
            <TrackMetadataFields
              idPrefix={item.id} draft={item.draft} errors={item.errors} disabled={busy}
              onChange={(field, value) => actions.edit(item.id, field, value)}
              hints={item.bpmSource ? { bpm: BPM_HINT[item.bpmSource] } : {}}
            />
            <div className={styles.cardFooter}>
              <span role="status" className={item.submit === 'failed' ? 'field-error' : 'muted'}>
                {item.submit === 'queued' && (item.audio.status === 'done' ? 'Sending…' : 'Will be sent once its files are uploaded')}
                {item.submit === 'sending' && 'Sending…'}
                {item.submit === 'failed' && `Not sent: ${item.submitError}`}
              </span>
              <button type="button" className="button button-ghost" onClick={() => actions.remove(item.id)} disabled={item.submit === 'sending'}>
                Remove
              </button>
            </div>
          </>
        )}
      </div>
    </li>
  );
}
