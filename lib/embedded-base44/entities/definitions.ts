import { NOTIFICATION_TYPES, ROLES, TRACK_STATUSES } from '../../domain/enums';

/** How a field is validated on write and how query values for it are coerced and compared. */
export type FieldType =
  | 'string'
  | 'number'
  | 'boolean'
  | 'string[]'
  | { enum: readonly string[] };

export interface EntityDefinition {
  readonly name: EntityName;
  readonly fields: Readonly<Record<string, FieldType>>;
  /** Top-level fields copied into indexed generated columns: the ones lists filter and sort on. */
  readonly hotFields: readonly string[];
  /** Extra composite indexes, by field name (system fields allowed). */
  readonly indexes: readonly (readonly string[])[];
  /** Field combinations no two records may share (hot fields only); a second one is a 409. */
  readonly unique?: readonly (readonly string[])[];
}

export const ENTITY_NAMES = [
  'Track',
  'User',
  'Playlist',
  'Message',
  'TrackSend',
  'Notification',
  'VIPPurchase',
  'SessionMix',
  'SessionTrack',
  'TrackRating',
  'ConsoleSession',
  'AuthThrottle',
] as const;
export type EntityName = (typeof ENTITY_NAMES)[number];

/** Set by the server on every record; never taken from a client. */
export const SYSTEM_FIELDS = ['id', 'created_date', 'updated_date', 'created_by', 'created_by_id'] as const;
const SYSTEM_FIELD_TYPES: Record<string, FieldType> = Object.fromEntries(
  SYSTEM_FIELDS.map((f) => [f, 'string' as const]),
);

const S = 'string';
const N = 'number';
const B = 'boolean';

const DEFINITIONS: Record<EntityName, Omit<EntityDefinition, 'name'>> = {
  Track: {
    fields: {
      // `collaborators` is left free-form: one string in the console's uploads, an array of
      // strings in the app's records (recordSession and rateTrack read both).
      title: S, producer_id: S, producer_name: S, genre: S, bpm: N, key: S,
      energy_level: S, mood: S, description: S, artwork_url: S, audio_url: S, duration: N,
      isrc: S, iswc: S, status: { enum: TRACK_STATUSES }, rejection_reason: S, rejected_at: S,
      play_count: N, download_count: N, average_rating: N, rating_count: N, release_date: S,
      is_unreleased: B, is_vip: B, vip_requested: B, vip_preview_start: N, vip_preview_end: N,
      label_name: S, rights_confirmed: B, free_download_authorized: B,
      // What the track's rating stood at before its first TrackRating record (legacy imports).
      legacy_rating_count: N, legacy_rating_sum: N,
    },
    hotFields: ['status', 'genre', 'bpm', 'producer_id', 'is_vip', 'title'],
    indexes: [['status', 'genre', 'created_date'], ['status', 'created_date'], ['status', 'bpm'], ['producer_id']],
  },
  User: {
    fields: {
      email: S, full_name: S, role: { enum: ROLES }, user_type: S, artist_name: S, bio: S,
      avatar_url: S, nationality: S, instagram_url: S, soundcloud: S, beatport_url: S,
      sacem_number: S, black_diamonds: N, preferred_genres: 'string[]',
    },
    hotFields: ['email', 'role', 'user_type'],
    indexes: [['user_type']],
  },
  Playlist: {
    fields: { name: S, user_id: S, track_ids: 'string[]', tracks: 'string[]', is_public: B, cover_url: S },
    hotFields: ['user_id', 'is_public'],
    indexes: [['user_id'], ['is_public']],
  },
  Message: {
    fields: { sender_id: S, sender_name: S, receiver_id: S, content: S, read: B },
    hotFields: ['sender_id', 'receiver_id'],
    indexes: [['sender_id'], ['receiver_id']],
  },
  TrackSend: {
    fields: {
      track_id: S, track_title: S, sender_id: S, sender_name: S, receiver_id: S,
      receiver_name: S, message: S, viewed: B,
    },
    hotFields: ['sender_id', 'receiver_id'],
    indexes: [['sender_id'], ['receiver_id']],
  },
  Notification: {
    fields: {
      user_id: S, type: { enum: NOTIFICATION_TYPES }, title: S, message: S, read: B,
      track_id: S, dj_id: S, dj_name: S, sender_id: S,
    },
    hotFields: ['user_id'],
    indexes: [['user_id', 'created_date']],
  },
  VIPPurchase: {
    fields: { user_id: S, track_id: S, amount: N, price_paid: N, type: S, purchased_at: S },
    hotFields: ['user_id', 'track_id'],
    indexes: [['user_id'], ['track_id']],
  },
  SessionMix: {
    fields: {
      dj_id: S, dj_name: S, venue: S, city: S, country: S, started_at: S, ended_at: S,
      tracks_count: N, diamond_awarded: B, black_diamonds_awarded: N,
      // Written by the recordSession function: the client's Idempotency-Key and a digest of the
      // set it sent, so a repeat answers the first result and a reused key with other data is refused.
      idempotency_key: S, request_digest: S, skipped_track_ids: 'string[]',
      // Plays that earned credit (not the DJ's own tracks): the diamond needs at least one.
      credited_tracks_count: N,
      // Why the set earned no diamond: 'daily_limit' (one per DJ per UTC day) or 'no_credited_track'.
      diamond_withheld_reason: S,
    },
    hotFields: ['dj_id'],
    indexes: [['dj_id']],
  },
  SessionTrack: {
    fields: {
      session_mix_id: S, track_id: S, track_title: S, track_artist: S, producer_id: S,
      played_at: S, dj_id: S, dj_name: S, venue: S, city: S, country: S,
      // false for a play of the DJ's own track ('own_track') or one they collaborated on
      // ('collaborator'), or of a track already credited to the DJ that UTC day ('repeat'): stored,
      // but no play credit, notification or diamond. Missing = credited.
      credited: B, uncredited_reason: S,
    },
    hotFields: ['session_mix_id', 'dj_id', 'producer_id', 'track_id'],
    indexes: [['session_mix_id'], ['dj_id'], ['producer_id'], ['track_id']],
  },
  // One member's vote on a track (1..5 stars), written by the rateTrack function only.
  TrackRating: {
    fields: { track_id: S, user_id: S, stars: N },
    hotFields: ['track_id', 'user_id'],
    indexes: [['track_id']],
    unique: [['user_id', 'track_id']],
  },
  // One signed-in console session (a browser): the console checks it on every request and ends it
  // by setting revoked_at (sign-out, sign out everywhere, password change).
  ConsoleSession: {
    fields: { user_id: S, expires_at: S, revoked_at: S, device_label: S },
    hotFields: ['user_id', 'expires_at', 'revoked_at'],
    indexes: [['user_id', 'expires_at']],
  },
  // A sign-in / sign-up attempt counter, written by the authThrottle function only. `key` is an
  // HMAC of the account or address (never the email or address itself).
  AuthThrottle: {
    fields: { key: S, count: N, resets_at: S },
    hotFields: ['key', 'resets_at'],
    indexes: [['resets_at']],
    unique: [['key']],
  },
};

export const ENTITIES: Readonly<Record<EntityName, EntityDefinition>> = Object.fromEntries(
  ENTITY_NAMES.map((name) => [name, { name, ...DEFINITIONS[name] }]),
) as Record<EntityName, EntityDefinition>;

export function isEntityName(name: string): name is EntityName {
  return (ENTITY_NAMES as readonly string[]).includes(name);
}

/** The declared type of a top-level field, system fields included; undefined for free-form fields. */
export function fieldType(entity: EntityDefinition, field: string): FieldType | undefined {
  return entity.fields[field] ?? SYSTEM_FIELD_TYPES[field];
}
