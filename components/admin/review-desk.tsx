'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { TrackVipInput } from '@/lib/domain/admin';
import type { Track } from '@/lib/domain/types';
import { decideMutationOptions, reviewQueueOptions, trackVipMutationOptions, type Decision } from '@/lib/query/admin';
import { formatDuration } from '@/lib/format/duration';
import { formatDate } from '@/lib/format/dates';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { ReviewDetail } from './review-detail';
import { useReviewKeys } from './use-review-keys';
import styles from './admin.module.css';

type Feedback = { kind: 'ok' | 'error'; text: string } | null;

/**
 * The review queue: pending tracks, oldest first, and the selected one in detail. Decisions are
 * optimistic (the track leaves the queue at once and comes back if the server refuses). On a
 * desktop: j / k move, a approves, r rejects.
 */
export function ReviewDesk({ canAct }: { canAct: boolean }) {
  const queryClient = useQueryClient();
  const queue = useQuery(reviewQueueOptions());
  const decide = useMutation(decideMutationOptions(queryClient));
  const vip = useMutation(trackVipMutationOptions(queryClient));
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [rejectRequest, setRejectRequest] = useState(0);
  const [feedback, setFeedback] = useState<Feedback>(null);

  const tracks = queue.data?.tracks ?? [];
  const index = Math.max(0, tracks.findIndex((t) => t.id === selectedId));
  const selected: Track | undefined = tracks[index];

  // A new selection starts with its rejection form closed.
  const select = (id: string | null) => {
    setSelectedId(id);
    setRejectRequest(0);
  };

  const move = (step: number) => {
    const next = tracks[Math.min(tracks.length - 1, Math.max(0, index + step))];
    if (next) {
      select(next.id);
      document.querySelector(`[data-testid="review-row"][data-track-id="${CSS.escape(next.id)}"]`)?.scrollIntoView({ block: 'nearest' });
    }
  };

  const run = (track: Track, decision: Decision) => {
    // The next track slides into the decided one's place: keep the cursor there.
    select(tracks[index + 1]?.id ?? tracks[index - 1]?.id ?? null);
    setFeedback(null);
    const verb = decision.kind === 'approve' ? 'approve' : 'reject';
    decide.mutate(
      { trackId: track.id, decision },
      {
        onSuccess: (result) =>
          setFeedback({
            kind: 'ok',
            text: `${decision.kind === 'approve' ? 'Approved' : 'Rejected'} "${track.title}".${result.notified ? ' The producer was notified.' : ' The producer could not be notified.'}`,
          }),
        onError: (error) => {
          select(track.id);
          setFeedback({ kind: 'error', text: `Could not ${verb} "${track.title}": ${error.message}` });
        },
      },
    );
  };

  const saveVip = (track: Track, input: TrackVipInput) => {
    setFeedback(null);
    vip.mutate(
      { trackId: track.id, input },
      {
        onSuccess: () => setFeedback({ kind: 'ok', text: `VIP settings of "${track.title}" saved.` }),
        onError: (error) => setFeedback({ kind: 'error', text: `Could not save the VIP settings of "${track.title}": ${error.message}` }),
      },
    );
  };

  useReviewKeys(
    {
      next: () => move(1),
      previous: () => move(-1),
      approve: () => selected && canAct && run(selected, { kind: 'approve' }),
      reject: () => selected && canAct && setRejectRequest((n) => n + 1),
    },
    tracks.length > 0,
  );

  // The keyboard hint is on the server-rendered page; the count and the queue arrive with the data.
  const hint = (
    <p className={`muted ${styles.keys}`}>
      Keyboard: <kbd>j</kbd> / <kbd>k</kbd> next / previous, <kbd>a</kbd> approve, <kbd>r</kbd> reject.{' '}
      {queue.data && <span data-testid="review-count">{tracks.length} track{tracks.length === 1 ? '' : 's'} waiting.</span>}
    </p>
  );
  if (queue.isPending) {
    return (
      <div className={styles.page}>
        {hint}
        <LoadingState>Loading the review queue…</LoadingState>
      </div>
    );
  }
  if (queue.isError) {
    return (
      <div className={styles.page}>
        {hint}
        <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />
      </div>
    );
  }

  return (
    <div className={styles.page} data-app-ready="true">
      {hint}
      {feedback && (
        <p
          className={`alert ${feedback.kind === 'error' ? 'alert-error' : 'alert-info'}`}
          data-testid={feedback.kind === 'error' ? 'form-error' : 'review-feedback'}
          aria-live="polite"
        >
          {feedback.text}
        </p>
      )}
      {tracks.length === 0 || !selected ? (
        <EmptyState title="Nothing to review">
          <p>New uploads appear here as producers send them.</p>
        </EmptyState>
      ) : (
        <div className={styles.desk}>
          <div className={styles.tableWrap}>
            <table className={styles.table} aria-label="Pending tracks">
              <thead>
                <tr>
                  <th scope="col">Track</th>
                  <th scope="col">Genre</th>
                  <th scope="col" className={styles.num}>BPM</th>
                  <th scope="col">Key</th>
                  <th scope="col" className={styles.num}>Length</th>
                  <th scope="col">Sent</th>
                  <th scope="col">VIP</th>
                </tr>
              </thead>
              <tbody>
                {tracks.map((track) => (
                  <tr key={track.id} aria-selected={track.id === selected.id} data-testid="review-row" data-track-id={track.id}>
                    <td>
                      <button type="button" className={styles.pick} onClick={() => select(track.id)} aria-current={track.id === selected.id ? 'true' : undefined}>
                        <span>{track.title}</span>
                        <small>{track.artist}</small>
                      </button>
                    </td>
                    <td>{track.genre}</td>
                    <td className={styles.num}>{track.bpm === null ? '—' : Math.round(track.bpm)}</td>
                    <td>{track.key ?? '—'}</td>
                    <td className={styles.num}>{track.durationSeconds === null ? '—' : formatDuration(track.durationSeconds)}</td>
                    <td>{formatDate(track.createdAt)}</td>
                    <td>{track.isVip ? <span className="chip chip-vip">VIP</span> : track.vipRequested ? 'Requested' : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ReviewDetail
            key={selected.id}
            track={selected}
            canAct={canAct}
            rejectRequest={rejectRequest}
            onApprove={() => run(selected, { kind: 'approve' })}
            onReject={(reason) => run(selected, { kind: 'reject', reason })}
            onSaveVip={(input) => saveVip(selected, input)}
            vipSaving={vip.isPending}
          />
        </div>
      )}
    </div>
  );
}
