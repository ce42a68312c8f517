'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import type { User } from '@/lib/domain/types';
import { cropToBlob, loadPhoto } from '@/lib/media/crop-image';
import { initialCrop, type SquareCrop } from '@/lib/media/square-crop';
import { setAvatarMutationOptions } from '@/lib/query/profile';
import { acceptAttribute, describeFormats } from '@/lib/uploads/formats';
import { sendUpload, UploadCancelledError, type UploadHandle } from '@/lib/uploads/xhr-upload';
import { MemberAvatar } from '@/components/ui/member-avatar';
import { AvatarCropper } from './avatar-cropper';
import styles from './avatar.module.css';

type Photo = { image: HTMLImageElement; url: string };

/**
 * The member's photo: pick or drop one, crop it to a square, see it as it will show, save. The
 * crop is uploaded through POST /api/uploads?kind=avatar (sniffed and size-checked like track
 * artwork) and its receipt becomes the profile's avatar.
 */
export function AvatarEditor({ user }: { user: User }) {
  const queryClient = useQueryClient();
  const setAvatar = useMutation(setAvatarMutationOptions(queryClient));
  const inputRef = useRef<HTMLInputElement>(null);
  const [photo, setPhoto] = useState<Photo | null>(null);
  const [crop, setCrop] = useState<SquareCrop | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [dropping, setDropping] = useState(false);
  const name = user.artistName || user.fullName;

  const open = async (file: File | undefined) => {
    if (!file) return;
    setProblem(null);
    const loaded = await loadPhoto(file);
    if (!loaded.ok) {
      setProblem(`${file.name}: ${loaded.reason}`);
      return;
    }
    setPhoto({ image: loaded.image, url: loaded.url });
    setCrop(initialCrop({ width: loaded.image.naturalWidth, height: loaded.image.naturalHeight }));
  };

  const close = useCallback(() => {
    setPhoto((current) => {
      if (current) URL.revokeObjectURL(current.url);
      return null;
    });
    setCrop(null);
  }, []);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDropping(false);
    void open(event.dataTransfer.files[0]);
  };

  return (
    <section className={styles.editor} aria-labelledby="avatar-title">
      <div
        className={dropping ? `${styles.dropTarget} ${styles.dropping}` : styles.dropTarget}
        onDragOver={(e) => { e.preventDefault(); setDropping(true); }} onDragLeave={() => setDropping(false)} onDrop={onDrop}
        data-testid="avatar-drop"
      >
        <MemberAvatar url={user.avatarUrl} name={name} size={96} />
      </div>
      <div className={styles.editorText}>
        <h2 id="avatar-title">Photo</h2>
        <p className="muted">Choose or drop a photo ({describeFormats('artwork')}), then crop it to a square.</p>
        <div className={styles.editorActions}>
          <button type="button" className="button" onClick={() => inputRef.current?.click()} data-testid="avatar-choose">
            {user.avatarUrl ? 'Change photo' : 'Add a photo'}
          </button>
          {user.avatarUrl && (
            <button type="button" className="button button-ghost" disabled={setAvatar.isPending} onClick={() => setAvatar.mutate({ remove: true })}>
              Remove photo
            </button>
          )}
          <input
            ref={inputRef} type="file" accept={acceptAttribute('artwork')} hidden aria-label="Photo file" data-testid="avatar-file"
            onChange={(e) => { void open(e.target.files?.[0]); e.target.value = ''; }}
          />
        </div>
        {problem && <p className="field-error" role="alert" data-testid="avatar-error">{problem}</p>}
        {setAvatar.isError && !photo && <p className="field-error" role="alert">{setAvatar.error.message}</p>}
      </div>
      {photo && crop && <CropDialog photo={photo} crop={crop} onCrop={setCrop} onClose={close} onSaved={close} name={name} />}
    </section>
  );
}

function CropDialog({ photo, crop, onCrop, onClose, onSaved, name }: {
  photo: Photo; crop: SquareCrop; onCrop: (crop: SquareCrop) => void; onClose: () => void; onSaved: () => void; name: string;
}) {
  const queryClient = useQueryClient();
  const setAvatar = useMutation(setAvatarMutationOptions(queryClient));
  const dialogRef = useRef<HTMLDialogElement>(null);
  const upload = useRef<UploadHandle | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const previewRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => upload.current?.abort();
  }, []);

  // The preview: the crop exactly as it will be uploaded, at the size the header shows it.
  useEffect(() => {
    const canvas = previewRef.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    const side = Math.min(crop.side, photo.image.naturalWidth, photo.image.naturalHeight);
    context.clearRect(0, 0, canvas.width, canvas.height);
    context.drawImage(photo.image, crop.cx - side / 2, crop.cy - side / 2, side, side, 0, 0, canvas.width, canvas.height);
  }, [crop, photo]);

  const busy = progress !== null || setAvatar.isPending;
  const save = async () => {
    setProblem(null);
    try {
      const blob = await cropToBlob(photo.image, crop);
      setProgress(0);
      upload.current = sendUpload(blob, 'avatar.jpg', 'avatar', (loaded, total) => setProgress(total ? loaded / total : 0));
      const answer = await upload.current.done;
      upload.current = null;
      await setAvatar.mutateAsync({ receipt: answer.receipt });
      onSaved();
    } catch (error) {
      if (error instanceof UploadCancelledError) return;
      setProblem(error instanceof Error ? error.message : 'The photo was not saved');
    } finally {
      setProgress(null);
    }
  };

  return (
    <dialog ref={dialogRef} className={styles.dialog} aria-labelledby="avatar-crop-title" onCancel={(e) => { e.preventDefault(); onClose(); }}>
      <h2 id="avatar-crop-title">Crop your photo</h2>
      <div className={styles.dialogBody}>
        <AvatarCropper image={photo.image} crop={crop} onChange={onCrop} />
        <figure className={styles.preview}>
          <canvas ref={previewRef} width={128} height={128} className={styles.previewImage} data-testid="avatar-preview" aria-label={`Preview of ${name}'s new photo`} role="img" />
          <figcaption className="muted">Preview</figcaption>
        </figure>
      </div>
      {problem && <p className="field-error" role="alert" data-testid="avatar-save-error">Not saved: {problem}</p>}
      <div className={styles.dialogActions}>
        <button type="button" className="button" onClick={onClose}>Cancel</button>
        <button type="button" className="button button-primary" onClick={() => void save()} disabled={busy} data-testid="avatar-save">
          {progress !== null ? `Uploading… ${Math.round(progress * 100)}%` : setAvatar.isPending ? 'Saving…' : 'Save photo'}
        </button>
      </div>
    </dialog>
  );
}
