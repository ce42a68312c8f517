// Track records on the wire → domain Track, plus the upstream media URLs that stay server-side.
import { z } from 'zod';
import type { Track } from '@/lib/domain/types';
import { toCamelotKey, toEnergy, toGenre, toTrackStatus } from './vocabulary';
import {
  count,
  describeIssues,
  EPOCH,
  firstOf,
  flag,
  lenient,
  optionalNumber,
  optionalText,
  optionalTimestamp,
  wireId,
} from './wire';

/** Upstream file URLs of a track: never sent to the browser, which gets console URLs instead. */
export interface TrackMedia {
  audio: string | null;
  artwork: string | null;
}

export interface WireTrack {
  track: Track;
  media: TrackMedia;
}

export const trackRecordSchema = z
  .looseObject({
    id: wireId,
    title: z.string(),
    artist_name: optionalText,
    artist: optionalText,
    producer_name: optionalText,
    producer_id: optionalText,
    created_by_id: optionalText,
    collaborators: optionalText,
    genre: lenient(toGenre),
    bpm: optionalNumber,
    key: lenient(toCamelotKey),
    energy_level: lenient(toEnergy),
    mood: optionalText,
    description: optionalText,
    label_name: optionalText,
    artwork_url: optionalText,
    cover_image: optionalText,
    cover_url: optionalText,
    audio_url: optionalText,
    audio_file: optionalText,
    file_url: optionalText,
    mp3_url: optionalText,
    duration: optionalNumber,
    isrc: optionalText,
    iswc: optionalText,
    status: lenient(toTrackStatus),
    rejection_reason: optionalText,
    play_count: count,
    download_count: count,
    average_rating: optionalNumber,
    rating_count: count,
    release_date: optionalText,
    is_unreleased: flag,
    is_vip: flag,
    vip_requested: flag,
    vip_preview_start: optionalNumber,
    vip_preview_end: optionalNumber,
    rights_confirmed: flag,
    free_download_authorized: flag,
    created_date: optionalTimestamp,
    updated_date: optionalTimestamp,
  })
  .transform((r): WireTrack => {
    const audio = firstOf(r.audio_url, r.audio_file, r.file_url, r.mp3_url);
    const artwork = firstOf(r.artwork_url, r.cover_image, r.cover_url);
    const consoleUrl = `/api/tracks/${encodeURIComponent(r.id)}`;
    const createdAt = r.created_date ?? r.updated_date ?? EPOCH;
    const track: Track = {
      id: r.id,
      title: r.title.trim() || 'Untitled',
      artist: firstOf(r.artist_name, r.artist, r.producer_name) ?? 'Unknown artist',
      producerId: firstOf(r.producer_id, r.created_by_id),
      collaborators: r.collaborators,
      genre: r.genre,
      bpm: r.bpm !== null && r.bpm > 0 ? r.bpm : null,
      key: r.key,
      energy: r.energy_level,
      mood: r.mood,
      description: r.description,
      labelName: r.label_name,
      artworkUrl: artwork ? `${consoleUrl}/artwork` : null,
      audioUrl: audio ? `${consoleUrl}/audio` : null,
      durationSeconds: r.duration !== null && r.duration > 0 ? r.duration : null,
      isrc: r.isrc,
      iswc: r.iswc,
      status: r.status,
      rejectionReason: r.rejection_reason,
      playCount: r.play_count,
      downloadCount: r.download_count,
      averageRating: r.average_rating,
      ratingCount: r.rating_count,
      releaseDate: r.release_date,
      isUnreleased: r.is_unreleased,
      isVip: r.is_vip,
      vipRequested: r.vip_requested,
      vipPreview: previewWindow(r.vip_preview_start, r.vip_preview_end),
      rightsConfirmed: r.rights_confirmed,
      freeDownloadAuthorized: r.free_download_authorized,
      createdAt,
      updatedAt: r.updated_date ?? createdAt,
    };
    return { track, media: { audio, artwork } };
  });

function previewWindow(start: number | null, end: number | null): Track['vipPreview'] {
  if (start === null || end === null || start < 0 || end <= start) return null;
  return { startSeconds: start, endSeconds: end };
}

/** One upstream list: records that do not parse are skipped and reported, not fatal. */
export const trackListSchema = z.array(z.unknown()).transform((records) => {
  const tracks: WireTrack[] = [];
  const skipped: { index: number; id: string | null; reason: string }[] = [];
  records.forEach((record, index) => {
    const parsed = trackRecordSchema.safeParse(record);
    if (parsed.success) tracks.push(parsed.data);
    else skipped.push({ index, id: idOf(record), reason: describeIssues(parsed.error) });
  });
  return { tracks, skipped };
});

function idOf(record: unknown): string | null {
  const id = (record as { id?: unknown } | null)?.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}

/** `{count}` from `/count`; a bare number is accepted too. */
export const countSchema = z
  .union([z.number(), z.object({ count: optionalNumber.pipe(z.number()) }).transform((r) => r.count)])
  .pipe(z.number().int().min(0));
