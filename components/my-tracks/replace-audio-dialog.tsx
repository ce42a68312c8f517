'use client';
import { useEffect, useRef } from 'react';
import type { Track } from '@/lib/domain/types';
import { acceptAttribute, describeFormats } from '@/lib/uploads/formats';
import { formatMegabytes } from '@/lib/uploads/byte-limit';
import { useReplaceAudio, type ReplaceState } from './use-replace-audio';
import styles from './my-tracks.module.css';

/**
 * Replaces the audio of a pending or rejected track in a modal <dialog>: pick a file (keyboard or
 * pointer), watch it upload, and the track goes (back) to review with its rejection cleared.
 */
export function ReplaceAudioDialog({ track, limitBytes, onClose }: { track: Track; limitBytes: number; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const { state, replace, cancel } = useReplaceAudio(track.id, limitBytes);
  const busy = state.phase === 'uploading' || state.phase === 'saving';

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const close = () => {
    cancel();
    onClose();
  };

  return (
    <dialog
      ref={ref} className={styles.editor} aria-labelledby="replace-audio-title" data-testid="replace-audio-dialog"
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
    >
      <h2 id="replace-audio-title">Replace the audio of “{track.title}”</h2>
      {track.status === 'rejected' ? (
        <p>
          Not approved{track.rejectionReason ? `: ${track.rejectionReason}` : ''}. Upload a corrected file: the track goes back to
          review, and the reason is cleared.
        </p>
      ) : (
        <p>The track is waiting for review: the new file replaces the one sent, and the review goes on with it.</p>
      )}
      <p className="muted">{describeFormats('audio')}, up to {formatMegabytes(limitBytes)}. Its metadata and artwork stay as they are.</p>
      <Progress state={state} />
      <div className={styles.editorActions}>
        <button type="button" className="button button-ghost" onClick={close}>{state.phase === 'done' ? 'Close' : 'Cancel'}</button>
        {state.phase !== 'done' && (
          <button type="button" className="button button-primary" disabled={busy} onClick={() => input.current?.click()}>
            {state.phase === 'idle' ? 'Choose an audio file' : 'Choose another file'}
          </button>
        )}
        <input
          ref={input} type="file" hidden tabIndex={-1} accept={acceptAttribute('audio')} aria-label={`New audio for ${track.title}`}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void replace(file);
          }}
        />
      </div>
    </dialog>
  );
}

function Progress({ state }: { state: ReplaceState }) {
  if (state.phase === 'idle') return null;
  if (state.phase === 'refused' || state.phase === 'failed') {
    return (
      <p className="field-error" role="alert" data-testid="replace-audio-error">
        {state.phase === 'refused' ? 'Refused' : 'Not replaced'}: {state.fileName}: {state.error}
      </p>
    );
  }
  if (state.phase === 'done') {
    return <p role="status" className={styles.replaced} data-testid="replace-audio-done">{state.fileName} replaced the audio: the track is pending review.</p>;
  }
  const percent = state.phase === 'saving' ? 100 : state.total > 0 ? Math.floor((100 * state.loaded) / state.total) : 0;
  return (
    <div className={styles.replaceProgress}>
      <span role="status">{state.phase === 'saving' ? `Sending ${state.fileName} to review…` : `Uploading ${state.fileName} ${percent}%`}</span>
      <progress max={100} value={percent} aria-label="Audio upload" />
    </div>
  );
}
