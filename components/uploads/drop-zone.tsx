'use client';
import { useRef, useState, type DragEvent } from 'react';
import { acceptAttribute, describeFormats } from '@/lib/uploads/formats';
import { formatMegabytes } from '@/lib/uploads/byte-limit';
import styles from './uploads.module.css';

/** Drag and drop (desktop) or a picker (iPad, keyboard): audio files and artwork, many at once. */
export function DropZone({ onFiles, limitBytes }: { onFiles: (files: File[]) => void; limitBytes: number }) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const files = [...event.dataTransfer.files];
    if (files.length > 0) onFiles(files);
  };
  return (
    <div
      className={`${styles.dropZone} ${over ? styles.dropOver : ''}`}
      data-testid="drop-zone"
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <svg viewBox="0 0 24 24" width="36" height="36" aria-hidden fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
        <path d="M12 16V4M7 9l5-5 5 5" /><path d="M4 16v4h16v-4" />
      </svg>
      <p><strong>Drop your tracks here</strong>, with their artwork if you like</p>
      <button type="button" className="button button-primary" onClick={() => input.current?.click()}>
        Choose files
      </button>
      <p className="muted">
        Audio: {describeFormats('audio')}. Artwork: {describeFormats('artwork')}. Up to {formatMegabytes(limitBytes)} a file.
      </p>
      <input
        ref={input} type="file" multiple hidden aria-label="Audio files and artwork"
        accept={`${acceptAttribute('audio')},${acceptAttribute('artwork')}`}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </div>
  );
}
