'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { TrackMetadataFields } from '@/components/track-metadata/track-metadata-fields';
import type { Track } from '@/lib/domain/types';
import { updateMyTrackMutationOptions } from '@/lib/query/my-tracks';
import { draftFromTrack, parseDraftChanges, type FieldErrors, type TrackDraft } from '@/lib/uploads/draft';
import styles from './my-tracks.module.css';

/** Edits a track's metadata in a modal <dialog>; the shared schema checks it before it is sent. */
export function EditTrackDialog({ track, onClose }: { track: Track; onClose: () => void }) {
  const queryClient = useQueryClient();
  const save = useMutation(updateMyTrackMutationOptions(queryClient));
  const ref = useRef<HTMLDialogElement>(null);
  const [draft, setDraft] = useState<TrackDraft>(() => draftFromTrack(track));
  const [errors, setErrors] = useState<FieldErrors>({});

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseDraftChanges(draft, track);
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    if (Object.keys(parsed.value).length === 0) return onClose();
    save.mutate({ id: track.id, patch: parsed.value }, { onSuccess: onClose });
  }

  return (
    <dialog
      ref={ref} className={styles.editor} aria-labelledby="edit-track-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <form onSubmit={submit} noValidate>
        <h2 id="edit-track-title">Edit &ldquo;{track.title}&rdquo;</h2>
        {track.status === 'approved' && <p className="muted">This track is live: changes show to DJs at once.</p>}
        <TrackMetadataFields
          idPrefix={`edit-${track.id}`} draft={draft} errors={errors} disabled={save.isPending}
          onChange={(field, value) => {
            setDraft((d) => ({ ...d, [field]: value }));
            setErrors(({ [field]: _cleared, ...rest }) => rest);
          }}
        />
        <div className={styles.editorActions}>
          <span role="status" className={save.isError || Object.keys(errors).length ? 'field-error' : 'muted'}>
            {save.isError ? `Not saved: ${save.error.message}` : Object.keys(errors).length ? 'Check the highlighted fields' : ''}
          </span>
          <button type="button" className="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save changes'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
