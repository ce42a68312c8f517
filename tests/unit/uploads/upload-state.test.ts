import { describe, expect, it } from 'vitest';
import { isRefused, newItem, overallProgress, reducer, uploadSummary, uploadsComplete, type UploadItem } from '@/components/uploads/upload-state';
import type { TagReading } from '@/lib/uploads/read-tags';

const file = (name: string, size: number) => new File([new Uint8Array(size)], name, { type: 'audio/mpeg' });
const reading = (fields: TagReading['fields']): TagReading => ({ fields, album: 'EP', durationSeconds: 200, container: 'MPEG', artwork: null });

function start(...names: string[]): UploadItem[] {
  return reducer([], { type: 'add', items: names.map((name, i) => newItem(`id${i}`, file(name, 1000 * (i + 1)), { title: name })) });
}

describe('upload queue state', () => {
  it('tags fill the form but never overwrite what the producer typed; an error on a filled field goes', () => {
    let items = start('a.mp3');
    items = reducer(items, { type: 'queue', errors: { id0: { genre: 'Choose a genre from the list', artist: 'Enter the artist or producer name' } } });
    items = reducer(items, { type: 'edit', id: 'id0', field: 'title', value: 'Typed Title' });
    items = reducer(items, { type: 'tags-read', id: 'id0', reading: reading({ title: 'Tag Title', genre: 'Techno', bpm: '128' }), artwork: null });
    expect(items[0]!.draft).toMatchObject({ title: 'Typed Title', genre: 'Techno', bpm: '128' });
    expect(items[0]!.errors).toEqual({ artist: 'Enter the artist or producer name' });
    expect(items[0]!.bpmSource).toBe('tag');
    items = reducer(items, { type: 'fill-empty', fields: { artist: 'Kaya Lune', title: 'ignored' } });
    expect(items[0]!.draft).toMatchObject({ artist: 'Kaya Lune', title: 'Typed Title' });
    expect(items[0]!.errors).toEqual({});
  });

  it('an estimated BPM fills the field only while the estimate is awaited and the field untouched', () => {
    let items = reducer(start('a.mp3', 'b.mp3'), { type: 'tags-read', id: 'id0', reading: reading({}), artwork: null });
    items = reducer(items, { type: 'tags-unreadable', id: 'id1' });
    items = reducer(items, { type: 'edit', id: 'id1', field: 'bpm', value: '90' });
    items = reducer(items, { type: 'bpm', id: 'id0', bpm: 124 });
    items = reducer(items, { type: 'bpm', id: 'id1', bpm: 180 });
    expect(items.map((i) => [i.draft.bpm, i.bpmSource])).toEqual([['124', 'estimated'], ['90', null]]);
  });

  it('progress counts every transfer; a retried file starts over alone; a cancelled one counts as nothing sent', () => {
    let items = start('a.mp3', 'b.mp3');
    items = reducer(items, { type: 'progress', id: 'id0', which: 'audio', loaded: 500, total: 1000 });
    items = reducer(items, { type: 'transfer-done', id: 'id1', which: 'audio', receipt: 'r1' });
    expect(overallProgress(items)).toEqual({ loaded: 2500, total: 3000 });
    items = reducer(items, { type: 'transfer-failed', id: 'id0', which: 'audio', error: 'Cancelled', cancelled: true });
    // Issue #18: the bar was full beside "1 of 2 uploaded" once the other file was cancelled.
    expect(overallProgress(items)).toEqual({ loaded: 2000, total: 3000 });
    expect(uploadSummary(items)).toMatchObject({ files: 2, uploaded: 1, failed: 1, percent: 66 });
    items = reducer(items, { type: 'transfer-start', id: 'id0', which: 'audio', total: 1000 });
    expect(items[0]!.audio).toMatchObject({ status: 'uploading', loaded: 0 });
    expect(items[1]!.audio).toMatchObject({ status: 'done', receipt: 'r1' });
    expect(uploadsComplete(items[1]!)).toBe(true);
    expect(uploadsComplete(items[0]!)).toBe(false);
  });

  it('queueing keeps invalid drafts editing with their errors and never re-queues a sent track', () => {
    let items = reducer(start('a.mp3', 'b.mp3'), { type: 'sent', id: 'id1', trackId: 't1' });
    items = reducer(items, { type: 'queue', errors: { id0: { title: 'Enter a title' } } });
    expect(items.map((i) => i.submit)).toEqual(['editing', 'sent']);
    items = reducer(items, { type: 'queue', errors: {} });
    expect(items.map((i) => i.submit)).toEqual(['queued', 'sent']);
  });

  it('the counts always agree with the files shown: the bar is full only when every file is up', () => {
    let items = start('a.mp3', 'b.mp3');
    // The server refused b after all its bytes went: nothing of it is kept, the bar says so.
    items = reducer(items, { type: 'progress', id: 'id1', which: 'audio', loaded: 2000, total: 2000 });
    items = reducer(items, { type: 'transfer-failed', id: 'id1', which: 'audio', error: 'Not audio', cancelled: false, retryable: false });
    expect(isRefused(items[1]!)).toBe(true);
    items = reducer(items, { type: 'progress', id: 'id0', which: 'audio', loaded: 999, total: 1000 });
    expect(uploadSummary(items)).toMatchObject({ files: 1, uploaded: 0, refused: 1, percent: 99 });
    items = reducer(items, { type: 'transfer-done', id: 'id0', which: 'audio', receipt: 'r0' });
    expect(uploadSummary(items)).toMatchObject({ files: 1, uploaded: 1, refused: 1, percent: 100 });
    items = reducer(items, { type: 'remove', id: 'id1' });
    expect(uploadSummary(items)).toMatchObject({ files: 1, uploaded: 1, refused: 0, percent: 100 });
  });

  it('"needs a fix" counts the forms with errors still on screen: a removed or fixed one leaves the count', () => {
    let items = start('a.mp3', 'b.mp3');
    items = reducer(items, { type: 'queue', errors: { id0: { genre: 'Choose a genre from the list' }, id1: { rightsConfirmed: 'Confirm' } } });
    expect(uploadSummary(items).needsFix).toBe(2);
    items = reducer(items, { type: 'remove', id: 'id1' });
    expect(uploadSummary(items).needsFix).toBe(1);
    items = reducer(items, { type: 'edit', id: 'id0', field: 'genre', value: 'House' });
    expect(uploadSummary(items).needsFix).toBe(0);
  });

  it('a file refused at once is never queued, counted as uploaded or in the bar', () => {
    let items = reducer([], { type: 'add', items: [newItem('bad', file('notes.mp3', 500), {}, 'This file is not an audio file we accept'), newItem('ok', file('ok.mp3', 1000), {})] });
    expect(isRefused(items[0]!)).toBe(true);
    expect(items[0]!.audio.retryable).toBe(false);
    items = reducer(items, { type: 'queue', errors: {} });
    expect(items.map((i) => i.submit)).toEqual(['editing', 'queued']);
    expect(overallProgress(items)).toEqual({ loaded: 0, total: 1000 });
    expect(uploadSummary(items)).toMatchObject({ files: 1, uploaded: 0, refused: 1, failed: 0 });
  });
});
