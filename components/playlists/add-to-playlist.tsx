'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Playlist } from '@/lib/domain/types';
import { createPlaylistMutationOptions, playlistsOptions, updatePlaylistMutationOptions } from '@/lib/query/playlists';
import styles from './playlists.module.css';

/** "Add to playlist": the member's playlists (already-added ones marked) and a new playlist form. */
export function AddToPlaylist({ trackId }: { trackId: string }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  // Closes on Escape (focus back on the button) and on a tap or click outside.
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return (
    <div className={styles.addTo} ref={root}>
      <button ref={button} type="button" className="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
        + Add to playlist
      </button>
      {open && (
        <div id={panelId} className={styles.addPanel} role="group" aria-label="Add to playlist">
          <PlaylistChoices trackId={trackId} />
        </div>
      )}
    </div>
  );
}

function PlaylistChoices({ trackId }: { trackId: string }) {
  const queryClient = useQueryClient();
  const playlists = useQuery(playlistsOptions());
  const create = useMutation(createPlaylistMutationOptions(queryClient));
  const [name, setName] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    create.mutate({ name: trimmed, trackIds: [trackId] }, { onSuccess: () => setName('') });
  }

  return (
    <>
      {playlists.isPending && <p className="muted">Loading your playlists…</p>}
      {playlists.isError && <p className="field-error">{playlists.error.message}</p>}
      {playlists.data?.length === 0 && <p className="muted">No playlist yet: name one below.</p>}
      {playlists.data && playlists.data.length > 0 && (
        <ul className={styles.choices}>
          {playlists.data.map((playlist) => (
            <li key={playlist.id}>
              <AddButton playlist={playlist} trackId={trackId} />
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} className={styles.inlineForm}>
        <input className="input" aria-label="New playlist name" placeholder="New playlist" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
        <button type="submit" className="button button-primary" disabled={create.isPending || !name.trim()}>
          {create.isPending ? 'Creating…' : 'Create and add'}
        </button>
      </form>
      {create.isError && <p className="field-error" role="alert">{create.error.message}</p>}
      {create.isSuccess && <p className="muted" role="status">Added to “{create.data.name}”.</p>}
    </>
  );
}

function AddButton({ playlist, trackId }: { playlist: Playlist; trackId: string }) {
  const queryClient = useQueryClient();
  const update = useMutation(updatePlaylistMutationOptions(queryClient, playlist.id));
  const inside = playlist.trackIds.includes(trackId);
  return (
    <button
      type="button"
      className={`button ${styles.choice}`}
      disabled={inside || update.isPending}
      onClick={() => update.mutate({ trackIds: [...playlist.trackIds, trackId] })}
    >
      <span>{playlist.name}</span>
      <span className="muted">{inside ? '✓ Added' : update.isError ? 'Failed, retry' : `${playlist.trackIds.length} tracks`}</span>
    </button>
  );
}
