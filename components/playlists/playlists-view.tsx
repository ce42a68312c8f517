'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { createPlaylistMutationOptions, playlistsOptions } from '@/lib/query/playlists';
import { IntentLink } from '@/components/layout/intent-link';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import styles from './playlists.module.css';

export function PlaylistsView() {
  const queryClient = useQueryClient();
  const router = useRouter();
  const playlists = useQuery(playlistsOptions());
  const create = useMutation(createPlaylistMutationOptions(queryClient));
  const [name, setName] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return;
    create.mutate({ name: name.trim() }, { onSuccess: (playlist) => router.push(`/playlists/${playlist.id}`) });
  }

  return (
    <section className={styles.page} aria-labelledby="playlists-title" data-app-ready={playlists.isPending ? undefined : 'true'}>
      <div className={styles.heading}>
        <h1 id="playlists-title">Playlists</h1>
      </div>
      <form onSubmit={submit} className={styles.inlineForm} aria-label="New playlist">
        <input className="input" aria-label="Playlist name" placeholder="Name a new playlist" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
        <button type="submit" className="button button-primary" disabled={create.isPending || !name.trim()}>
          {create.isPending ? 'Creating…' : 'Create playlist'}
        </button>
      </form>
      {create.isError && <p role="alert" className="field-error">{create.error.message}</p>}
      {playlists.isPending && <LoadingState>Loading your playlists…</LoadingState>}
      {playlists.isError && <ErrorState error={playlists.error} onRetry={() => void playlists.refetch()} />}
      {playlists.data?.length === 0 && (
        <EmptyState title="No playlist yet">
          <p>Name one above, or add a track from its page in the library.</p>
        </EmptyState>
      )}
      {playlists.data && playlists.data.length > 0 && (
        <ul className={styles.grid} aria-label="Your playlists">
          {playlists.data.map((playlist) => (
            <li key={playlist.id}>
              <IntentLink href={`/playlists/${playlist.id}`} className={styles.card} data-testid="playlist-card">
                <span className={styles.cardName}>{playlist.name}</span>
                <span className={styles.meta}>
                  {playlist.trackIds.length === 1 ? '1 track' : `${playlist.trackIds.length} tracks`}
                  <span className={`chip ${playlist.isPublic ? styles.chipPublic : ''}`}>{playlist.isPublic ? 'Public' : 'Private'}</span>
                </span>
              </IntentLink>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
