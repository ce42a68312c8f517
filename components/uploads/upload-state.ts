// The upload screen's state: one item per audio file, each with its draft, its two transfers
// (audio, artwork) and where its track stands. A pure reducer; side effects live in the hook.
import { EMPTY_DRAFT, type DraftField, type FieldErrors, type TrackDraft } from '@/lib/uploads/draft';
import type { TagReading } from '@/lib/uploads/read-tags';

export type TransferStatus = 'uploading' | 'done' | 'failed' | 'cancelled';
export type Which = 'audio' | 'cover';

export interface Transfer {
  status: TransferStatus;
  loaded: number;
  total: number;
  receipt: string | null;
  error: string | null;
  /** False when sending the same file again cannot help (not audio, too large): Remove, no Retry. */
  retryable: boolean;
}

export interface Artwork {
  blob: Blob;
  name: string;
  previewUrl: string;
  source: 'tags' | 'chosen';
}

/** editing → queued (valid, waiting for its uploads) → sending → sent; failed goes back to editing. */
export type SubmitStatus = 'editing' | 'queued' | 'sending' | 'sent' | 'failed';

export interface UploadItem {
  id: string;
  file: File;
  draft: TrackDraft;
  /** Fields the producer changed: tags read later never overwrite them. */
  touched: readonly DraftField[];
  errors: FieldErrors;
  tags: 'reading' | 'read' | 'unreadable';
  album: string | null;
  durationSeconds: number | null;
  bpmSource: 'tag' | 'estimating' | 'estimated' | 'unknown' | null;
  artwork: Artwork | null;
  audio: Transfer;
  cover: Transfer | null;
  submit: SubmitStatus;
  submitError: string | null;
  trackId: string | null;
}

export type Action =
  | { type: 'add'; items: UploadItem[] }
  | { type: 'edit'; id: string; field: DraftField; value: string | boolean }
  | { type: 'tags-read'; id: string; reading: TagReading; artwork: Artwork | null }
  | { type: 'tags-unreadable'; id: string }
  /** Defaults that arrived late (the producer's artist name): only into empty, untouched fields. */
  | { type: 'fill-empty'; fields: Partial<TrackDraft> }
  | { type: 'bpm'; id: string; bpm: number | null }
  | { type: 'transfer-start'; id: string; which: Which; total: number }
  | { type: 'progress'; id: string; which: Which; loaded: number; total: number }
  | { type: 'transfer-done'; id: string; which: Which; receipt: string }
  | { type: 'transfer-failed'; id: string; which: Which; error: string; cancelled: boolean; retryable?: boolean }
  | { type: 'artwork'; id: string; artwork: Artwork | null }
  | { type: 'remove'; id: string }
  | { type: 'queue'; errors: Record<string, FieldErrors> }
  | { type: 'sending'; id: string }
  | { type: 'sent'; id: string; trackId: string }
  | { type: 'send-failed'; id: string; error: string; errors?: FieldErrors };

const newTransfer = (total: number): Transfer => ({ status: 'uploading', loaded: 0, total, receipt: null, error: null, retryable: true });

/** A new item; with a `refusal`, its file is refused at once (nothing is read or sent). */
export function newItem(id: string, file: File, defaults: Partial<TrackDraft>, refusal: string | null = null): UploadItem {
  return {
    id,
    file,
    draft: { ...EMPTY_DRAFT, ...defaults },
    touched: [],
    errors: {},
    tags: refusal ? 'unreadable' : 'reading',
    album: null,
    durationSeconds: null,
    bpmSource: null,
    artwork: null,
    audio: refusal ? { ...newTransfer(file.size), status: 'failed', error: refusal, retryable: false } : newTransfer(file.size),
    cover: null,
    submit: 'editing',
    submitError: null,
    trackId: null,
  };
}

function update(items: UploadItem[], id: string, change: (item: UploadItem) => UploadItem): UploadItem[] {
  return items.map((item) => (item.id === id ? change(item) : item));
}

function setTransfer(item: UploadItem, which: Which, change: (transfer: Transfer) => Transfer): UploadItem {
  if (which === 'audio') return { ...item, audio: change(item.audio) };
  return item.cover ? { ...item, cover: change(item.cover) } : item;
}

/** Tag values for the fields the producer has not touched; an error on a field so filled goes. */
function mergeTags(item: UploadItem, fields: Partial<TrackDraft>, onlyEmpty = false): Pick<UploadItem, 'draft' | 'errors'> {
  const draft = { ...item.draft };
  const errors = { ...item.errors };
  for (const [field, value] of Object.entries(fields) as [DraftField, never][]) {
    if (item.touched.includes(field) || (onlyEmpty && draft[field] !== '')) continue;
    draft[field] = value;
    delete errors[field];
  }
  return { draft, errors };
}

export function reducer(items: UploadItem[], action: Action): UploadItem[] {
  switch (action.type) {
    case 'add':
      return [...items, ...action.items];
    case 'remove':
      return items.filter((item) => item.id !== action.id);
    case 'edit':
      return update(items, action.id, (item) => {
        const { [action.field]: _cleared, ...errors } = item.errors;
        return {
          ...item,
          draft: { ...item.draft, [action.field]: action.value },
          touched: item.touched.includes(action.field) ? item.touched : [...item.touched, action.field],
          errors,
          bpmSource: action.field === 'bpm' ? null : item.bpmSource,
        };
      });
    case 'tags-read':
      return update(items, action.id, (item) => ({
        ...item,
        tags: 'read',
        ...mergeTags(item, action.reading.fields),
        album: action.reading.album,
        durationSeconds: action.reading.durationSeconds,
        bpmSource: action.reading.fields.bpm ? 'tag' : 'estimating',
        artwork: item.artwork ?? action.artwork,
      }));
    case 'fill-empty':
      return items.map((item) => (item.submit === 'sent' ? item : { ...item, ...mergeTags(item, action.fields, true) }));
    case 'tags-unreadable':
      return update(items, action.id, (item) => ({ ...item, tags: 'unreadable', bpmSource: 'estimating' }));
    case 'bpm':
      return update(items, action.id, (item) => {
        if (item.bpmSource !== 'estimating') return item;
        if (action.bpm === null) return { ...item, bpmSource: 'unknown' };
        return { ...item, bpmSource: 'estimated', ...mergeTags(item, { bpm: String(action.bpm) }) };
      });
    case 'artwork':
      return update(items, action.id, (item) => ({ ...item, artwork: action.artwork, cover: action.artwork ? item.cover : null }));
    case 'transfer-start':
      return update(items, action.id, (item) =>
        action.which === 'audio' ? { ...item, audio: newTransfer(action.total) } : { ...item, cover: newTransfer(action.total) },
      );
    case 'progress':
      return update(items, action.id, (item) =>
        setTransfer(item, action.which, (t) => (t.status === 'uploading' ? { ...t, loaded: action.loaded, total: action.total } : t)),
      );
    case 'transfer-done':
      return update(items, action.id, (item) =>
        setTransfer(item, action.which, (t) => ({ ...t, status: 'done', loaded: t.total, receipt: action.receipt, error: null })),
      );
    case 'transfer-failed':
      return update(items, action.id, (item) =>
        // Nothing of a failed or cancelled upload is kept: its bar goes back to 0.
        setTransfer(item, action.which, (t) => ({
          ...t, status: action.cancelled ? 'cancelled' : 'failed', loaded: 0, error: action.error, retryable: action.retryable ?? true,
        })),
      );
    case 'queue':
      return items.map((item) => {
        if (item.submit === 'sent' || item.submit === 'sending' || isRefused(item)) return item;
        const errors = action.errors[item.id];
        if (errors && Object.keys(errors).length > 0) return { ...item, errors, submit: 'editing' };
        return { ...item, errors: {}, submit: 'queued', submitError: null };
      });
    case 'sending':
      return update(items, action.id, (item) => ({ ...item, submit: 'sending' }));
    case 'sent':
      return update(items, action.id, (item) => ({ ...item, submit: 'sent', trackId: action.trackId }));
    case 'send-failed':
      return update(items, action.id, (item) => ({ ...item, submit: 'failed', submitError: action.error, errors: action.errors ?? item.errors }));
  }
}

/** A file the console will not upload (its content is not audio, or it is too large): only Remove. */
export function isRefused(item: UploadItem): boolean {
  return item.audio.status === 'failed' && !item.audio.retryable;
}

/** Ready to create its track: the audio (and the artwork, if any) are uploaded. */
export function uploadsComplete(item: UploadItem): boolean {
  return item.audio.status === 'done' && (item.cover === null || item.cover.status === 'done');
}

/**
 * Bytes sent and to send over the files to upload (refused ones are not). A failed or cancelled
 * transfer still counts, as nothing sent: the bar is full only when every file is uploaded.
 */
export function overallProgress(items: readonly UploadItem[]): { loaded: number; total: number } {
  let loaded = 0;
  let total = 0;
  for (const item of items) {
    if (isRefused(item)) continue;
    for (const transfer of [item.audio, item.cover]) {
      if (!transfer) continue;
      total += transfer.total;
      loaded += transfer.status === 'done' ? transfer.total : transfer.status === 'uploading' ? transfer.loaded : 0;
    }
  }
  return { loaded, total };
}

export interface UploadSummary {
  /** Files to upload (every file on screen but the refused ones), and how many are fully up. */
  files: number;
  uploaded: number;
  /** Files with a failed or cancelled transfer, waiting for Retry or Remove. */
  failed: number;
  refused: number;
  sent: number;
  /** Tracks not yet sent whose form has errors to fix. */
  needsFix: number;
  /** Of the bar; 100 only when `uploaded === files`. */
  percent: number;
}

/** Every count the upload screen shows, from the items on screen alone, so they always agree. */
export function uploadSummary(items: readonly UploadItem[]): UploadSummary {
  const files = items.filter((item) => !isRefused(item));
  const uploaded = files.filter(uploadsComplete).length;
  const stopped = (t: Transfer | null) => t !== null && (t.status === 'failed' || t.status === 'cancelled');
  const { loaded, total } = overallProgress(items);
  const percent = uploaded === files.length && files.length > 0 ? 100 : total > 0 ? Math.min(99, Math.floor((100 * loaded) / total)) : 0;
  return {
    files: files.length,
    uploaded,
    failed: files.filter((item) => stopped(item.audio) || stopped(item.cover)).length,
    refused: items.length - files.length,
    sent: items.filter((item) => item.submit === 'sent').length,
    needsFix: files.filter((item) => item.submit !== 'sent' && Object.keys(item.errors).length > 0).length,
    percent,
  };
}
