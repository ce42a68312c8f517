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
  | { type: 'transfer-failed'; id: string; which: Which; error: string; cancelled: boolean }
  | { type: 'artwork'; id: string; artwork: Artwork | null }
  | { type: 'remove'; id: string }
  | { type: 'queue'; errors: Record<string, FieldErrors> }
  | { type: 'sending'; id: string }
  | { type: 'sent'; id: string; trackId: string }
  | { type: 'send-failed'; id: string; error: string; errors?: FieldErrors };

const newTransfer = (total: number): Transfer => ({ status: 'uploading', loaded: 0, total, receipt: null, error: null });

export function newItem(id: string, file: File, defaults: Partial<TrackDraft>): UploadItem {
  return {
    id,
    file,
    draft: { ...EMPTY_DRAFT, ...defaults },
    touched: [],
    errors: {},
    tags: 'reading',
    album: null,
    durationSeconds: null,
    bpmSource: null,
    artwork: null,
    audio: newTransfer(file.size),
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
        setTransfer(item, action.which, (t) => ({ ...t, status: action.cancelled ? 'cancelled' : 'failed', error: action.error })),
      );
    case 'queue':
      return items.map((item) => {
        if (item.submit === 'sent' || item.submit === 'sending') return item;
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

/** Ready to create its track: the audio (and the artwork, if any) are uploaded. */
export function uploadsComplete(item: UploadItem): boolean {
  return item.audio.status === 'done' && (item.cover === null || item.cover.status === 'done');
}

/** Bytes sent and to send over every transfer still on screen. */
export function overallProgress(items: readonly UploadItem[]): { loaded: number; total: number } {
  let loaded = 0;
  let total = 0;
  for (const item of items) {
    for (const transfer of [item.audio, item.cover]) {
      if (!transfer || transfer.status === 'cancelled') continue;
      total += transfer.total;
      loaded += transfer.status === 'done' ? transfer.total : transfer.loaded;
    }
  }
  return { loaded, total };
}
