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
}

/** A page of results, as the console's API returns lists. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
