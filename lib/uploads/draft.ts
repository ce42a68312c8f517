// A track's metadata as a form holds it (text and ticks), to and from the schema's shapes.
import { ENERGY_LABELS, type EnergyLevel } from '@/lib/domain/enums';
import { trackMetadataSchema, type TrackMetadata, type TrackMetadataPatch } from '@/lib/domain/track-metadata';
import type { Track } from '@/lib/domain/types';
import { formatIsrc } from '@/lib/format/isrc';

export interface TrackDraft {
  title: string;
  artist: string;
  labelName: string;
  collaborators: string;
  genre: string;
  bpm: string;
  key: string;
  energy: string;
  mood: string;
  releaseDate: string;
  isrc: string;
  iswc: string;
  description: string;
  isUnreleased: boolean;
  vipRequested: boolean;
  rightsConfirmed: boolean;
  freeDownloadAuthorized: boolean;
}

export type DraftField = keyof TrackDraft;
export type FieldErrors = Partial<Record<DraftField, string>>;

export const EMPTY_DRAFT: TrackDraft = {
  title: '', artist: '', labelName: '', collaborators: '', genre: '', bpm: '', key: '', energy: '', mood: '',
  releaseDate: '', isrc: '', iswc: '', description: '',
  isUnreleased: false, vipRequested: false, rightsConfirmed: false, freeDownloadAuthorized: false,
};

export function draftFromTrack(track: Track): TrackDraft {
  return {
    title: track.title,
    artist: track.artist,
    labelName: track.labelName ?? '',
    collaborators: track.collaborators ?? '',
    genre: track.genre,
    bpm: track.bpm === null ? '' : String(track.bpm),
    key: track.key ?? '',
    energy: track.energy ?? '',
    mood: track.mood ?? '',
    releaseDate: track.releaseDate?.slice(0, 10) ?? '',
    isrc: track.isrc ? formatIsrc(track.isrc) : '',
    iswc: track.iswc ?? '',
    description: track.description ?? '',
    isUnreleased: track.isUnreleased,
    vipRequested: track.vipRequested,
    rightsConfirmed: track.rightsConfirmed,
    freeDownloadAuthorized: track.freeDownloadAuthorized,
  };
}

type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

function errorsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? 'title') as DraftField;
    errors[field] ??= issue.message;
  }
  return errors;
}

/** The whole draft through the shared schema (the route parses the same). */
export function parseDraft(draft: TrackDraft): Parsed<TrackMetadata> {
  const parsed = trackMetadataSchema.safeParse(draft);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: errorsOf(parsed.error.issues) };
}

/** Only the fields that differ from the saved track, checked by the same schema. */
export function parseDraftChanges(draft: TrackDraft, saved: Track): Parsed<TrackMetadataPatch> {
  const full = parseDraft(draft);
  if (!full.ok) return full;
  const before = parseDraft({ ...draftFromTrack(saved), rightsConfirmed: true });
  const patch: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(full.value)) {
    const previous = before.ok ? before.value[field as keyof TrackMetadata] : undefined;
    if (JSON.stringify(value) !== JSON.stringify(previous)) patch[field] = value;
  }
  return { ok: true, value: patch as TrackMetadataPatch };
}

export const energyLabel = (energy: string) => ENERGY_LABELS[energy as EnergyLevel] ?? energy;
