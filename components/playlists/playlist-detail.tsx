'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import type { Playlist } from '@/lib/domain/types';
import { deletePlaylistMutationOptions, playlistOptions, updatePlaylistMutationOptions } from '@/lib/query/playlists';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { DownloadPlaylistButton } from '@/components/downloads/download-playlist-button';
import { useBindDownloadsToMember } from '@/lib/offline/downloads/use-downloads';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { Switch } from '@/components/ui/switch';
import { AddTracks } from './add-tracks';
import { PlaylistTracks } from './playlist-tracks';
import styles from './playlists.module.css';

export function PlaylistDetail({ id }: { id: string }) {
  useBindDownloadsToMember();
  const queryClient = useQueryClient();
  const [options] = useState(() => playlistOptions(queryClient, id));
  const playlist = useQuery(options);
  if (playlist.isPending) return <LoadingState>Loading the playlist…</LoadingState>;
  if (playlist.isError) {
    return (
      <ErrorState error={playlist.error} onRetry={() => void playlist.refetch()}>
        <Link href="/playlists">Back to your playlists</Link>
      </ErrorState>
    );
  }
  return <PlaylistEditor playlist={playlist.data} />;
}

function PlaylistEditor({ playlist }: { playlist: Playlist }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const update = useMutation(updatePlaylistMutationOptions(queryClient, playlist.id));
  const remove = useMutation(deletePlaylistMutationOptions(queryClient));
  const [name, setName] = useState(playlist.name);
  const [confirming, setConfirming] = useState(false);

  function rename(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed && trimmed !== playlist.name) update.mutate({ name: trimmed });
  }

  return (
    <article className={styles.page} aria-labelledby="playlist-title" data-app-ready="true">
      <Link href="/playlists">← Playlists</Link>
      <div className={styles.heading}>
        <h1 id="playlist-title">{playlist.name}</h1>
        <span className={`chip ${playlist.isPublic ? styles.chipPublic : ''}`} data-testid="playlist-visibility">
          {playlist.isPublic ? 'Public' : 'Private'}
        </span>
      </div>
      <div className={styles.toolbar}>
        <form onSubmit={rename} className={styles.inlineForm} aria-label="Rename">
          <input className="input" aria-label="Playlist name" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
          <button type="submit" className="button" disabled={update.isPending || !name.trim() || name.trim() === playlist.name}>
            Rename
          </button>
        </form>
        <Switch label="Public" checked={playlist.isPublic} onChange={(isPublic) => update.mutate({ isPublic })} disabled={update.isPending} />
        <button type="button" className="button" onClick={() => setConfirming(true)}>
          Delete
        </button>
      </div>
      {playlist.trackIds.length > 0 && <DownloadPlaylistButton playlistId={playlist.id} trackIds={playlist.trackIds} />}
      <p className={`muted ${styles.saveStatus}`} aria-live="polite" role="status">
        {update.isError ? `Not saved: ${update.error.message}` : update.isPending ? 'Saving…' : ''}
      </p>
      {playlist.trackIds.length === 0 ? (
        <EmptyState title="No tracks yet">
          <p>Find tracks below, or use “Add to playlist” on a track’s page.</p>
        </EmptyState>
      ) : (
        <PlaylistTracks trackIds={playlist.trackIds} onChange={(trackIds) => update.mutate({ trackIds })} disabled={update.isPending} />
      )}
      <AddTracks trackIds={playlist.trackIds} onAdd={(track) => update.mutate({ trackIds: [...playlist.trackIds, track.id] })} disabled={update.isPending} />
      <ConfirmDialog
        open={confirming}
        title={`Delete “${playlist.name}”?`}
        confirmLabel="Delete playlist"
        busy={remove.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() => remove.mutate(playlist.id, { onSuccess: () => router.push('/playlists') })}
      >
        <p className="muted">The playlist goes; its tracks stay in the promo pool. This cannot be undone.</p>
        {remove.isError && <p className="field-error">{remove.error.message}</p>}
      </ConfirmDialog>
    </article>
  );
}
