// Domain types: what the console (UI, route handlers, caches) works with. camelCase, one
// canonical value per field. Only lib/base44 converts between these and Base44's wire records.
import type {
  CamelotKey,
  EnergyLevel,
  Genre,
  NotificationType,
  Role,
  TrackStatus,
  UserType,
} from './enums';

export interface User {
  id: string;
  email: string;
  fullName: string;
  artistName: string | null;
  role: Role;
  userType: UserType;
  bio: string | null;
  avatarUrl: string | null;
  nationality: string | null;
  instagramUrl: string | null;
  soundcloudUrl: string | null;
  beatportUrl: string | null;
  sacemNumber: string | null;
  blackDiamonds: number;
  preferredGenres: Genre[];
  createdAt: string;
}

export interface Track {
  id: string;
  title: string;
  /** Display artist: the producer's artist name (legacy `artist_name` / `artist`). */
  artist: string;
  producerId: string | null;
  collaborators: string | null;
  genre: Genre;
  bpm: number | null;
  key: CamelotKey | null;
  energy: EnergyLevel | null;
  mood: string | null;
  description: string | null;
  labelName: string | null;
  /** Console-relative URL (same origin); null when the track has no artwork. */
  artworkUrl: string | null;
  /** Console-relative URL (same origin, Range-capable); null when the track has no audio. */
  audioUrl: string | null;
  durationSeconds: number | null;
  isrc: string | null;
  iswc: string | null;
  status: TrackStatus;
  rejectionReason: string | null;
  playCount: number;
  downloadCount: number;
  averageRating: number | null;
  ratingCount: number;
  releaseDate: string | null;
  isUnreleased: boolean;
  isVip: boolean;
  vipRequested: boolean;
  vipPreview: { startSeconds: number; endSeconds: number } | null;
  rightsConfirmed: boolean;
  freeDownloadAuthorized: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface Playlist {
  id: string;
  name: string;
  ownerId: string;
  trackIds: string[];
  isPublic: boolean;
  coverUrl: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Notification {
  id: string;
  userId: string;
  type: NotificationType;
  title: string;
  message: string;
  read: boolean;
  trackId: string | null;
  djId: string | null;
  djName: string | null;
  senderId: string | null;
  createdAt: string;
}

export interface VipPurchase {
  id: string;
  userId: string;
  trackId: string;
  amount: number;
  purchasedAt: string;
}

export interface SessionMix {
  id: string;
  djId: string;
  djName: string;
  venue: string | null;
  city: string | null;
  country: string | null;
  startedAt: string;
  endedAt: string | null;
  tracksCount: number;
  diamondAwarded: boolean;
}

export interface SessionTrack {
  id: string;
  sessionMixId: string;
  trackId: string;
  trackTitle: string;
  trackArtist: string | null;
  producerId: string | null;
  playedAt: string;
  djId: string;
  djName: string;
  venue: string | null;
  city: string | null;
  country: string | null;
  /** False for a play of the DJ's own (or collaborated) track: no play credit, no diamond. */
  credited: boolean;
  /** Why not credited: 'own_track', 'collaborator', 'repeat' (already credited that UTC day). */
  uncreditedReason?: string | null;
}

/** A page of results, as the console's API returns lists. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** A member as any other member sees them (`GET /api/users/:id`): no email, no balance. */
export interface PublicProfile {
  id: string;
  fullName: string;
  artistName: string | null;
  userType: UserType;
  bio: string | null;
  /** Same-origin `/api/users/:id/avatar`, a public https URL, or null (see lib/base44/avatars.ts). */
  avatarUrl: string | null;
  nationality: string | null;
  /** http(s) links only; anything else is null. */
  links: {
    instagramUrl: string | null;
    soundcloudUrl: string | null;
    beatportUrl: string | null;
  };
}

/** A track's rating as one member sees it (`GET` / `PUT /api/tracks/:id/rating`). */
export interface TrackRatingSummary {
  /** The member's own stars, 1..5; null before they rate. */
  myRating: number | null;
  /** Mean of every member's stars; null while nobody has rated. */
  averageRating: number | null;
  ratingCount: number;
}

/** Every approved track at one moment (`GET /api/catalogue`), for the client's offline index. */
export interface CatalogueSnapshot {
  tracks: Track[];
  /** When the console read this copy from Base44 (older than now when served from its cache). */
  generatedAt: string;
}

/** `GET /api/vip`: the VIP promo pool, what the member has unlocked and their balance. */
export interface VipOverview {
  tracks: Track[];
  unlockedTrackIds: string[];
  blackDiamonds: number;
}
