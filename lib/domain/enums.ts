// The one canonical set of enumerations. Legacy spellings found in Base44 data are mapped onto
// these by the wire schemas in lib/base44; nothing else in the console sees the variants.

export const GENRES = [
  'Afro House',
  'Deep House',
  'House',
  'Tech House',
  'Progressive House',
  'Melodic House & Techno',
  'Techno',
  'Hard Techno',
  'Minimal / Deep Tech',
  'Organic House',
  'Indie Dance',
  'Disco / Nu Disco',
  'Drum & Bass',
  'Trance',
  'Breaks',
  'Electronica',
  'Other',
] as const;
export type Genre = (typeof GENRES)[number];

export const ENERGY_LEVELS = ['low', 'medium', 'high', 'very_high'] as const;
export type EnergyLevel = (typeof ENERGY_LEVELS)[number];
export const ENERGY_LABELS: Record<EnergyLevel, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  very_high: 'Very high',
};

export const USER_TYPES = ['dj', 'producer', 'dj_producer', 'label', 'listener'] as const;
export type UserType = (typeof USER_TYPES)[number];
export const USER_TYPE_LABELS: Record<UserType, string> = {
  dj: 'DJ',
  producer: 'Producer',
  dj_producer: 'DJ & producer',
  label: 'Label',
  listener: 'Listener',
};

export const ROLES = ['admin', 'admin_readonly', 'user'] as const;
export type Role = (typeof ROLES)[number];

export const TRACK_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type TrackStatus = (typeof TRACK_STATUSES)[number];

/** Camelot wheel keys, 1A..12A (minor) and 1B..12B (major). */
export const CAMELOT_KEYS = Array.from({ length: 12 }, (_, i) => i + 1).flatMap((n) => [
  `${n}A`,
  `${n}B`,
]) as readonly string[];
export type CamelotKey = string;

export const NOTIFICATION_TYPES = [
  'track_played',
  'track_received',
  'message',
  'download',
  'vip',
  'system',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];
