'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { apiFetch, ApiClientError } from '@/lib/api/client';
import type { Track } from '@/lib/domain/types';
import { invalidateAfter } from '@/lib/query/invalidation';
import { detectBpm } from '@/lib/uploads/bpm/detect-bpm';
import { parseDraft, type DraftField, type FieldErrors, type TrackDraft } from '@/lib/uploads/draft';
import { describeFormats, guessKind } from '@/lib/uploads/formats';
import { FINAL_UPLOAD_REFUSALS, refusalOf } from '@/lib/uploads/refusal';
import { readTags } from '@/lib/uploads/read-tags';
import { sendUpload, UploadCancelledError, type UploadHandle } from '@/lib/uploads/xhr-upload';
import { isRefused, newItem, reducer, uploadsComplete, type Artwork, type UploadItem, type Which } from './upload-state';

let nextId = 0;
const newId = () => `upload-${Date.now().toString(36)}-${(nextId += 1)}`;

/** "night_drive-final.wav" → "night drive-final" */
const titleFromName = (name: string) => name.replace(/\.[^.]+$/, '').replace(/_+/g, ' ').trim();

export interface Rejected {
  name: string;
  reason: string;
}

/**
 * The upload screen's engine: files start uploading as soon as they are added (one XHR each, with
 * progress), tags and tempo are read meanwhile, and "send for review" creates each track once its
 * files are up. Cancel and retry act on one file; the others carry on.
 */
export function useUploadQueue({ limitBytes, defaults }: { limitBytes: number; defaults: Partial<TrackDraft> }) {
  const queryClient = useQueryClient();
  const [items, dispatch] = useReducer(reducer, []);
  const latest = useRef(items);
  latest.current = items;
  const handles = useRef(new Map<string, UploadHandle>());
  const previews = useRef(new Set<string>());

  // The producer's artist name may arrive after the first files were dropped.
  useEffect(() => {
    if (defaults.artist) dispatch({ type: 'fill-empty', fields: { artist: defaults.artist } });
  }, [defaults.artist]);

  useEffect(() => {
    const open = handles.current;
    const urls = previews.current;
    return () => {
      for (const handle of open.values()) handle.abort();
      for (const url of urls) URL.revokeObjectURL(url);
    };
  }, []);

  const artworkOf = useCallback((blob: Blob, name: string, source: Artwork['source']): Artwork => {
    const previewUrl = URL.createObjectURL(blob);
    previews.current.add(previewUrl);
    return { blob, name, previewUrl, source };
  }, []);

  const transfer = useCallback(async (id: string, which: Which, blob: Blob, name: string) => {
    const key = `${id}:${which}`;
    handles.current.get(key)?.abort();
    const kind = which === 'audio' ? 'audio' : 'artwork';
    dispatch({ type: 'transfer-start', id, which, total: blob.size });
    const refusal = await refusalOf(blob, kind, limitBytes);
    if (refusal) return dispatch({ type: 'transfer-failed', id, which, cancelled: false, retryable: false, error: refusal });
    const handle = sendUpload(blob, name, kind, (loaded, total) => dispatch({ type: 'progress', id, which, loaded, total }));
    handles.current.set(key, handle);
    handle.done.then(
      (answer) => dispatch({ type: 'transfer-done', id, which, receipt: answer.receipt }),
      (error: unknown) => {
        const cancelled = error instanceof UploadCancelledError;
        const retryable = !(error instanceof ApiClientError && FINAL_UPLOAD_REFUSALS.has(error.code));
        dispatch({ type: 'transfer-failed', id, which, cancelled, retryable, error: cancelled ? 'Cancelled' : (error as Error).message });
      },
    ).finally(() => {
      if (handles.current.get(key) === handle) handles.current.delete(key);
    });
  }, [limitBytes]);

  const setArtwork = useCallback((id: string, artwork: Artwork | null) => {
    dispatch({ type: 'artwork', id, artwork });
    if (artwork) void transfer(id, 'cover', artwork.blob, artwork.name);
    else handles.current.get(`${id}:cover`)?.abort();
  }, [transfer]);

  const inspect = useCallback(async (id: string, file: File) => {
    let format: 'mp3' | 'other' = /\.mp3$/i.test(file.name) || file.type === 'audio/mpeg' ? 'mp3' : 'other';
    try {
      const reading = await readTags(file);
      if (reading.container?.toUpperCase().includes('MPEG')) format = 'mp3';
      const embedded = reading.artwork ? artworkOf(reading.artwork.blob, reading.artwork.name, 'tags') : null;
      const current = latest.current.find((item) => item.id === id);
      dispatch({ type: 'tags-read', id, reading, artwork: current?.artwork ? null : embedded });
      if (embedded && current && !current.artwork) void transfer(id, 'cover', embedded.blob, embedded.name);
      if (reading.fields.bpm) return;
    } catch {
      dispatch({ type: 'tags-unreadable', id });
    }
    const estimate = await detectBpm(file, format).catch(() => null);
    dispatch({ type: 'bpm', id, bpm: estimate && estimate.confidence > 0.05 ? estimate.bpm : null });
  }, [artworkOf, transfer]);

  /**
   * Audio files become items; images in the same drop become their artwork. A file whose content
   * is not what its name says (or too large) is refused at once: its card says why, and offers
   * only Remove (no form, nothing sent).
   */
  const addFiles = useCallback(async (files: readonly File[]): Promise<Rejected[]> => {
    const rejected: Rejected[] = [];
    const audio: File[] = [];
    const images: File[] = [];
    for (const file of files) {
      const kind = guessKind(file);
      if (kind === 'audio') audio.push(file);
      else if (kind === 'artwork') images.push(file);
      else rejected.push({ name: file.name, reason: `Not an audio file (${describeFormats('audio')}) or an image (${describeFormats('artwork')})` });
    }
    const refusals = await Promise.all(audio.map((file) => refusalOf(file, 'audio', limitBytes)));
    const added = audio.map((file, i) => newItem(newId(), file, { ...defaults, title: titleFromName(file.name) }, refusals[i]));
    dispatch({ type: 'add', items: added });
    const cover = images[0];
    // Artwork dropped on its own goes to the tracks that have none yet.
    const accepted = added.filter((item) => !isRefused(item));
    const targets = accepted.length > 0 ? accepted : latest.current.filter((item) => !item.artwork && item.submit !== 'sent' && !isRefused(item));
    if (images.length > 1) rejected.push(...images.slice(1).map((f) => ({ name: f.name, reason: 'One artwork per drop: the first image was used' })));
    for (const item of accepted) {
      void transfer(item.id, 'audio', item.file, item.file.name);
      void inspect(item.id, item.file);
    }
    const coverRefusal = cover ? await refusalOf(cover, 'artwork', limitBytes) : null;
    if (cover && coverRefusal) rejected.push({ name: cover.name, reason: coverRefusal });
    else if (cover) for (const item of targets) setArtwork(item.id, artworkOf(cover, cover.name, 'chosen'));
    return rejected;
  }, [artworkOf, defaults, inspect, limitBytes, setArtwork, transfer]);

  const edit = useCallback((id: string, field: DraftField, value: string | boolean) => dispatch({ type: 'edit', id, field, value }), []);

  const cancel = useCallback((id: string, which: Which) => handles.current.get(`${id}:${which}`)?.abort(), []);

  /** Sends one file again; every other file and this item's other transfer are left alone. */
  const retry = useCallback((id: string, which: Which) => {
    const item = latest.current.find((i) => i.id === id);
    if (!item) return;
    if (which === 'audio') void transfer(id, 'audio', item.file, item.file.name);
    else if (item.artwork) void transfer(id, 'cover', item.artwork.blob, item.artwork.name);
  }, [transfer]);

  const remove = useCallback((id: string) => {
    handles.current.get(`${id}:audio`)?.abort();
    handles.current.get(`${id}:cover`)?.abort();
    dispatch({ type: 'remove', id });
  }, []);

  /** Checks every unsent draft with the shared schema; valid ones are sent as their uploads finish. */
  const submitAll = useCallback((): number => {
    const errors: Record<string, FieldErrors> = {};
    let valid = 0;
    for (const item of latest.current) {
      if (item.submit === 'sent' || item.submit === 'sending' || isRefused(item)) continue;
      const parsed = parseDraft(item.draft);
      if (parsed.ok) valid += 1;
      else errors[item.id] = parsed.errors;
    }
    dispatch({ type: 'queue', errors });
    return valid;
  }, []);

  const send = useCallback(async (item: UploadItem) => {
    const parsed = parseDraft(item.draft);
    if (!parsed.ok) return dispatch({ type: 'send-failed', id: item.id, error: 'Check the highlighted fields', errors: parsed.errors });
    dispatch({ type: 'sending', id: item.id });
    try {
      const { status: _s, isVip: _v, rejectionReason: _r, vipPreview: _p, ...metadata } = parsed.value;
      const track = await apiFetch<Track>('/api/my-tracks', {
        method: 'POST',
        json: { ...metadata, audio: item.audio.receipt, artwork: item.cover?.receipt ?? null, durationSeconds: item.durationSeconds },
      });
      dispatch({ type: 'sent', id: item.id, trackId: track.id });
      await invalidateAfter(queryClient, { type: 'my-tracks-changed' });
    } catch (error) {
      const message = error instanceof ApiClientError ? error.message : 'The track could not be created';
      dispatch({ type: 'send-failed', id: item.id, error: message });
    }
  }, [queryClient]);

  // Queued tracks go as soon as their files are up.
  useEffect(() => {
    for (const item of items) if (item.submit === 'queued' && uploadsComplete(item)) void send(item);
  }, [items, send]);

  return { items, addFiles, edit, cancel, retry, remove, setArtwork, artworkOf, submitAll };
}
