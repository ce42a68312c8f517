'use client';
// Tags read in the browser with music-metadata, loaded only when the upload screen needs it.
import type { Genre } from '@/lib/domain/enums';
import { spellingKey, toGenre } from '@/lib/base44/vocabulary';
import { camelotFromTag } from './musical-key';
import type { TrackDraft } from './draft';

export interface TagReading {
  /** Draft fields the tags fill in (only those they have). */
  fields: Partial<TrackDraft>;
  album: string | null;
  durationSeconds: number | null;
  /** The container, as music-metadata names it (MPEG, WAVE, FLAC...). */
  container: string | null;
  artwork: { blob: Blob; name: string } | null;
}

/** A tag genre on the canonical list (or a known alias of one); unknown names stay unset. */
function genreFromTag(tags: readonly string[] | undefined): Genre | null {
  for (const tag of tags ?? []) {
    const genre = toGenre(tag);
    if (genre !== 'Other' || spellingKey(tag) === spellingKey('Other')) return genre;
  }
  return null;
}

function releaseDate(date: string | undefined, year: number | undefined): string | null {
  if (date && /^\d{4}-\d{2}-\d{2}/.test(date)) return date.slice(0, 10);
  if (date && /^\d{4}$/.test(date)) return `${date}-01-01`;
  return year ? `${year}-01-01` : null;
}

const EXTENSIONS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/jpg': 'jpg', 'image/webp': 'webp' };

export async function readTags(file: Blob): Promise<TagReading> {
  const { parseBlob } = await import('music-metadata');
  const { common, format } = await parseBlob(file, { duration: true, skipCovers: false });
  const fields: Partial<TrackDraft> = {};
  const put = <K extends keyof TrackDraft>(field: K, value: TrackDraft[K] | null | undefined) => {
    if (value !== null && value !== undefined && value !== '') fields[field] = value;
  };
  put('title', common.title?.trim());
  put('artist', (common.artist ?? common.albumartist)?.trim());
  put('labelName', common.label?.[0]?.trim());
  put('genre', genreFromTag(common.genre));
  put('bpm', common.bpm && Number.isFinite(common.bpm) && common.bpm > 0 ? String(Math.round(common.bpm * 100) / 100) : null);
  put('key', camelotFromTag(common.key));
  put('mood', common.mood?.trim());
  put('isrc', common.isrc?.[0]?.trim());
  put('releaseDate', releaseDate(common.releasedate ?? common.date ?? common.originaldate, common.year));
  put('description', common.comment?.map((c) => c.text ?? '').find((t) => t.trim() !== '')?.trim());
  const picture = common.picture?.find((p) => EXTENSIONS[p.format.toLowerCase()]);
  return {
    fields,
    album: common.album?.trim() || null,
    durationSeconds: format.duration && Number.isFinite(format.duration) ? Math.round(format.duration * 100) / 100 : null,
    container: format.container ?? null,
    artwork: picture
      ? { blob: new Blob([picture.data as Uint8Array<ArrayBuffer>], { type: picture.format }), name: `cover.${EXTENSIONS[picture.format.toLowerCase()]}` }
      : null,
  };
}
