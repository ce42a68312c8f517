'use client';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { previewWindowIssue, rejectTrackSchema, trackVipSchema, type TrackVipInput } from '@/lib/domain/admin';
import type { Track } from '@/lib/domain/types';
import { ENERGY_LABELS } from '@/lib/domain/enums';
import { formatDuration } from '@/lib/format/duration';
import { formatDateTime } from '@/lib/format/dates';
import { formatIsrc } from '@/lib/format/isrc';
import { PlayTrackButton } from '@/components/player/play-track-button';
import { toPlayerTrack } from '@/lib/player/track';
import { TrackArtwork } from '@/components/tracks/track-artwork';
import { Switch } from '@/components/ui/switch';
import styles from './admin.module.css';

interface Props {
  track: Track;
  canAct: boolean;
  /** Bumped by the `r` key: open the rejection form and put the cursor in it. */
  rejectRequest: number;
  onApprove(): void;
  onReject(reason: string): void;
  onSaveVip(input: TrackVipInput): void;
  vipSaving: boolean;
}

/** The track under review: everything the producer sent, a player, and the decisions. */
export function ReviewDetail({ track, canAct, rejectRequest, onApprove, onReject, onSaveVip, vipSaving }: Props) {
  const facts: Array<[string, string | null]> = [
    ['Genre', track.genre],
    ['BPM', track.bpm === null ? null : String(Math.round(track.bpm))],
    ['Key', track.key],
    ['Energy', track.energy ? ENERGY_LABELS[track.energy] : null],
    ['Mood', track.mood],
    ['Duration', track.durationSeconds === null ? null : formatDuration(track.durationSeconds)],
    ['Label', track.labelName],
    ['Collaborators', track.collaborators],
    ['Release date', track.releaseDate],
    ['ISRC', track.isrc && formatIsrc(track.isrc)],
    ['ISWC', track.iswc],
    ['Submitted', formatDateTime(track.createdAt)],
    ['Unreleased', track.isUnreleased ? 'Yes' : 'No'],
    ['Rights confirmed', track.rightsConfirmed ? 'Yes' : 'No'],
    ['Free download', track.freeDownloadAuthorized ? 'Authorised' : 'No'],
    ['VIP requested', track.vipRequested ? 'Yes' : 'No'],
  ];
  return (
    <article className={styles.detail} aria-labelledby="review-title" data-testid="review-detail" data-track-id={track.id}>
      <div className={styles.detailHead}>
        <TrackArtwork url={track.artworkUrl} title={track.title} size={72} />
        <div>
          <h2 id="review-title">{track.title}</h2>
          <p>{track.artist}</p>
        </div>
      </div>
      {track.audioUrl ? (
        // The admin hears the whole track, whatever its VIP window: never played as locked.
        <div className={styles.listen} data-testid="review-listen">
          <PlayTrackButton track={toPlayerTrack(track, false)} title={track.title} />
          <span className="muted">Listen in the player{track.durationSeconds !== null ? ` (${formatDuration(track.durationSeconds)})` : ''}</span>
        </div>
      ) : (
        <p className="alert alert-error">This track has no audio file.</p>
      )}
      <dl className={styles.facts}>
        {facts
          .filter(([, value]) => value !== null && value !== '')
          .map(([label, value]) => (
            <div key={label} style={{ display: 'contents' }}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      {track.description && <p>{track.description}</p>}
      <div className={styles.actions}>
        <button type="button" className="button button-primary" onClick={onApprove} disabled={!canAct} data-testid="approve-button">
          Approve <kbd aria-hidden>a</kbd>
        </button>
      </div>
      <RejectForm canAct={canAct} openRequest={rejectRequest} onReject={onReject} />
      <VipForm track={track} canAct={canAct} saving={vipSaving} onSave={onSaveVip} />
    </article>
  );
}

function RejectForm({ canAct, openRequest, onReject }: { canAct: boolean; openRequest: number; onReject(reason: string): void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);

  const [focusRequest, setFocusRequest] = useState(0);
  useEffect(() => {
    if (openRequest > 0 && canAct) {
      setOpen(true);
      setFocusRequest((n) => n + 1);
    }
  }, [openRequest, canAct]);
  // Once the form is on screen (and again on each `r`), the cursor goes to the reason.
  useEffect(() => {
    if (open) field.current?.focus();
  }, [open, focusRequest]);

  const submit = (event: { preventDefault(): void }) => {
    event.preventDefault();
    const parsed = rejectTrackSchema.safeParse({ reason });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Give a reason');
      field.current?.focus();
      return;
    }
    setError(null);
    onReject(parsed.data.reason);
  };

  if (!open) {
    return (
      <div className={styles.actions}>
        <button type="button" className="button" onClick={() => setOpen(true)} disabled={!canAct} data-testid="reject-button">
          Reject… <kbd aria-hidden>r</kbd>
        </button>
      </div>
    );
  }
  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label="Reject this track">
      <h3>Reject</h3>
      <label className="field">
        <span>Reason (the producer reads it)</span>
        <textarea
          ref={field}
          className="textarea"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setOpen(false);
            if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) submit(e);
          }}
          maxLength={500}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'reject-error' : undefined}
          data-testid="reject-reason"
        />
      </label>
      {error && <p id="reject-error" className="field-error" data-testid="form-error">{error}</p>}
      <div className={styles.actions}>
        <button type="submit" className="button button-danger" disabled={!canAct} data-testid="confirm-reject">Reject track</button>
        <button type="button" className="button button-ghost" onClick={() => setOpen(false)}>Cancel</button>
      </div>
    </form>
  );
}

function VipForm({ track, canAct, saving, onSave }: { track: Track; canAct: boolean; saving: boolean; onSave(input: TrackVipInput): void }) {
  const duration = track.durationSeconds;
  const [isVip, setIsVip] = useState(track.isVip);
  const [start, setStart] = useState(String(track.vipPreview?.startSeconds ?? 0));
  const [end, setEnd] = useState(String(track.vipPreview?.endSeconds ?? Math.min(30, Math.floor(duration ?? 30))));
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const preview = isVip ? { startSeconds: Number(start), endSeconds: Number(end) } : null;
    const parsed = trackVipSchema.safeParse({ isVip, preview });
    const issue = parsed.success && preview ? previewWindowIssue(preview, duration) : null;
    if (!parsed.success || issue) {
      setError(issue?.message ?? (parsed.success ? null : parsed.error.issues[0]?.message) ?? 'Check the preview window');
      return;
    }
    setError(null);
    onSave(parsed.data);
  };

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label="VIP settings">
      <h3>VIP</h3>
      <Switch checked={isVip} onChange={setIsVip} label="VIP track (locked until unlocked with a Black Diamond)" disabled={!canAct} />
      {isVip && (
        <div className={styles.window}>
          <label className="field">
            <span>Preview starts (s)</span>
            <input className="input" type="number" inputMode="decimal" min={0} step={1} value={start} onChange={(e) => setStart(e.target.value)} disabled={!canAct} data-testid="preview-start" />
          </label>
          <label className="field">
            <span>Preview ends (s){duration !== null ? ` · track ${formatDuration(duration)}` : ''}</span>
            <input className="input" type="number" inputMode="decimal" min={1} max={duration ?? undefined} step={1} value={end} onChange={(e) => setEnd(e.target.value)} disabled={!canAct} data-testid="preview-end" />
          </label>
        </div>
      )}
      {error && <p className="field-error" data-testid="form-error">{error}</p>}
      <div className={styles.actions}>
        <button type="submit" className="button" disabled={!canAct || saving} data-testid="save-vip">{saving ? 'Saving…' : 'Save VIP settings'}</button>
      </div>
    </form>
  );
}
