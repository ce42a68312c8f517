'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRef, useState, type KeyboardEvent } from 'react';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { TrackArtwork } from '@/components/tracks/track-artwork';
import { formatDate } from '@/lib/format/dates';
import { TRACK_STATUSES, type TrackStatus } from '@/lib/domain/enums';
import type { Track } from '@/lib/domain/types';
import { deleteMyTrackMutationOptions, myTracksOptions } from '@/lib/query/my-tracks';
import { producerStatsOptions } from '@/lib/query/stats';
import { PLAY_MEASURES, PlayMeasuresLegend } from '@/components/stats/play-measures';
import { EditTrackDialog } from './edit-track-dialog';
import { ReplaceAudioDialog } from './replace-audio-dialog';
import { StatusBadge } from './status-badge';
import styles from './my-tracks.module.css';

/** Where a track's stats live (plays, downloads, rating, where and when it was played). */
export const trackStatsHref = (id: string) => `/my-tracks/${encodeURIComponent(id)}`;


/** A track still in review, or rejected, can get new audio; an approved one cannot (DJs have it). */
const canReplaceAudio = (track: Track) => track.status === 'pending' || track.status === 'rejected';

/**
 * The producer's own tracks. Desktop: a table that uses the width, rows reached with the arrow
 * keys (Enter edits, Delete deletes). iPad: the same rows laid out as touch-sized cards.
 */
export function MyTracksView({ limitBytes }: { limitBytes: number }) {
  const queryClient = useQueryClient();
  const tracks = useQuery(myTracksOptions());
  // Plays in DJ sets live in the statistics (SessionTracks), not on the track record.
  const stats = useQuery(producerStatsOptions());
  const remove = useMutation(deleteMyTrackMutationOptions(queryClient));
  const [editing, setEditing] = useState<Track | null>(null);
  const [replacing, setReplacing] = useState<Track | null>(null);
  const [deleting, setDeleting] = useState<Track | null>(null);
  const [active, setActive] = useState(0);
  const [filter, setFilter] = useState<TrackStatus | 'all'>('all');
  const rows = useRef<(HTMLTableRowElement | null)[]>([]);

  if (tracks.isPending) return <LoadingState>Loading your tracks…</LoadingState>;
  if (tracks.isError) return <ErrorState error={tracks.error} onRetry={() => void tracks.refetch()} />;
  const all = tracks.data;
  const shown = filter === 'all' ? all : all.filter((t) => t.status === filter);
  const count = (status: TrackStatus) => all.filter((t) => t.status === status).length;
  const setPlays = new Map(stats.data?.tracks.map((row) => [row.id, row.plays]));
  const setPlaysOf = (id: string) => setPlays.get(id) ?? (stats.isPending ? '…' : '—');

  const focusRow = (index: number) => {
    const next = Math.max(0, Math.min(shown.length - 1, index));
    setActive(next);
    rows.current[next]?.focus();
  };
  const onRowKey = (event: KeyboardEvent<HTMLTableRowElement>, index: number, track: Track) => {
    if (event.target !== event.currentTarget) return;
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: shown.length - 1, PageDown: index + 10, PageUp: index - 10 };
    if (event.key in moves) {
      event.preventDefault();
      focusRow(moves[event.key]!);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      setEditing(track);
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      setDeleting(track);
    }
  };

  return (
    <section className={styles.page} aria-labelledby="my-tracks-title" data-app-ready="true">
      <div className={styles.heading}>
        <div>
          <h1 id="my-tracks-title">My tracks</h1>
          <p className="muted">
            {all.length} track{all.length === 1 ? '' : 's'}: {count('approved')} approved, {count('pending')} pending, {count('rejected')} rejected
          </p>
        </div>
        <Link href="/upload" className="button button-primary">Upload tracks</Link>
      </div>
      {all.length === 0 ? (
        <EmptyState title="No tracks yet">
          <p>Upload your first tracks: they are reviewed before DJs see them. <Link href="/upload">Upload tracks</Link></p>
        </EmptyState>
      ) : (
        <>
          <div className={styles.filters} role="group" aria-label="Show">
            {(['all', ...TRACK_STATUSES] as const).map((status) => (
              <button
                key={status} type="button" className="button button-ghost" aria-pressed={filter === status}
                onClick={() => {
                  setFilter(status);
                  setActive(0);
                }}
              >
                {status === 'all' ? `All (${all.length})` : `${status[0]!.toUpperCase()}${status.slice(1)} (${count(status)})`}
              </button>
            ))}
          </div>
          <p className={`muted ${styles.keys}`}>Keyboard: ↑ ↓ to move, Enter to edit, Delete to delete.</p>
          <div className={styles.tableScroll}>
            <table className={styles.table} aria-label="My tracks">
              <thead>
                <tr>
                  <th scope="col" rowSpan={2}><span className="visually-hidden">Artwork</span></th>
                  <th scope="col" rowSpan={2}>Title</th>
                  <th scope="col" rowSpan={2}>Status</th>
                  <th scope="col" rowSpan={2}>Genre</th>
                  <th scope="col" rowSpan={2} className={styles.num}>BPM</th>
                  <th scope="col" rowSpan={2}>Key</th>
                  <th scope="col" rowSpan={2}>Uploaded</th>
                  <th scope="colgroup" colSpan={2} className={styles.group}>Plays</th>
                  <th scope="col" rowSpan={2}><span className="visually-hidden">Actions</span></th>
                </tr>
                <tr>
                  <th scope="col" className={styles.num} aria-label={PLAY_MEASURES.sets.label}>{PLAY_MEASURES.sets.column}</th>
                  <th scope="col" className={styles.num} aria-label={PLAY_MEASURES.catalogue.label}>{PLAY_MEASURES.catalogue.column}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((track, index) => (
                  <tr
                    key={track.id} ref={(el) => { rows.current[index] = el; }} tabIndex={index === Math.min(active, shown.length - 1) ? 0 : -1}
                    data-testid="my-track-row" data-track-id={track.id} aria-label={`${track.title}, ${track.status}`}
                    onKeyDown={(e) => onRowKey(e, index, track)} onFocus={() => setActive(index)}
                  >
                    <td className={styles.art}><TrackArtwork url={track.artworkUrl} title={track.title} size={48} /></td>
                    <td>
                      <div className={styles.title}>
                        <strong>{track.title}</strong>
                        <span className="muted">{track.artist}{track.collaborators ? ` · ${track.collaborators}` : ''}</span>
                      </div>
                    </td>
                    <td>
                      <div className={styles.statusCell}>
                        <StatusBadge status={track.status} />
                        {track.status === 'rejected' && track.rejectionReason && (
                          <span className={styles.reason} data-testid="rejection-reason">{track.rejectionReason}</span>
                        )}
                        {/* Beside the status it answers (a rejection, a review still to come). */}
                        {canReplaceAudio(track) && (
                          <button type="button" className="button button-ghost" aria-label={`Replace audio of ${track.title}`} onClick={() => setReplacing(track)}>
                            Replace audio
                          </button>
                        )}
                      </div>
                    </td>
                    <td>{track.genre}</td>
                    <td className={styles.num}>{track.bpm ?? '—'}</td>
                    <td>{track.key ?? '—'}</td>
                    <td>{formatDate(track.createdAt)}</td>
                    <td className={styles.num} data-testid="row-set-plays">{setPlaysOf(track.id)}</td>
                    <td className={styles.num} data-testid="row-catalogue-plays">{track.playCount}</td>
                    <td className={styles.actions}>
                      <Link href={trackStatsHref(track.id)} className="button button-ghost" aria-label={`Stats of ${track.title}`}>Stats</Link>
                      <button type="button" className="button" aria-label={`Edit ${track.title}`} onClick={() => setEditing(track)}>Edit</button>
                      <button type="button" className="button button-ghost" aria-label={`Delete ${track.title}`} onClick={() => setDeleting(track)}>Delete</button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <PlayMeasuresLegend />
        </>
      )}
      {editing && <EditTrackDialog key={editing.id} track={editing} onClose={() => setEditing(null)} />}
      {replacing && <ReplaceAudioDialog key={replacing.id} track={replacing} limitBytes={limitBytes} onClose={() => setReplacing(null)} />}
      <ConfirmDialog
        open={deleting !== null} title={`Delete “${deleting?.title ?? ''}”?`} confirmLabel="Delete track" busy={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
      >
        <p className="muted">
          {deleting?.status === 'approved' ? 'It leaves the promo pool at once. ' : ''}This cannot be undone.
        </p>
        {remove.isError && <p className="field-error">{remove.error.message}</p>}
      </ConfirmDialog>
    </section>
  );
}
